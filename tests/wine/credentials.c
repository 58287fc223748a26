/*
 * Windows' Credential Manager asked directly, for the tests under Wine only: what
 * secret-tool is to the Secret Service natively. The keyring tests read what
 * naast.exe left in the store through Windows' own API (CredEnumerateW, CredReadW,
 * CredDeleteW), not through Naast's code. Built at test time by
 * scripts/wine-prefix.sh into target/wine/; never shipped.
 *
 *   credentials list            every target name, one a line (UTF-8)
 *   credentials get TARGET      the generic credential's secret, as hex
 *   credentials delete TARGET   the generic credential removed
 *
 * Exit 0 when done, 2 when there is no such credential, 1 on anything else.
 */
#include <windows.h>
#include <wincred.h>
#include <stdio.h>
#include <wchar.h>

static void put_utf8(const wchar_t *w)
{
    char buf[4096];
    if (WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, sizeof buf, NULL, NULL) > 0)
        fputs(buf, stdout);
}

static int failed(const char *what)
{
    DWORD e = GetLastError();
    if (e == ERROR_NOT_FOUND)
        return 2;
    fprintf(stderr, "credentials: %s failed: error %lu\n", what, (unsigned long)e);
    return 1;
}

int wmain(int argc, wchar_t **argv)
{
    if (argc == 2 && wcscmp(argv[1], L"list") == 0) {
        DWORD count = 0;
        PCREDENTIALW *all = NULL;
        /* Wine walks the registry for this: an entry another process deletes meanwhile
         * (the keyring tests run side by side) fails the walk with ERROR_KEY_DELETED.
         * Asked again, the store is read whole. */
        int tries = 0;
        while (!CredEnumerateW(NULL, 0, &count, &all)) {
            if (GetLastError() == ERROR_NOT_FOUND)
                return 0;
            if (GetLastError() != ERROR_KEY_DELETED || ++tries == 20)
                return failed("CredEnumerateW");
            Sleep(50);
        }
        for (DWORD i = 0; i < count; i++) {
            put_utf8(all[i]->TargetName);
            putchar('\n');
        }
        CredFree(all);
        return 0;
    }
    if (argc == 3 && wcscmp(argv[1], L"get") == 0) {
        PCREDENTIALW c = NULL;
        if (!CredReadW(argv[2], CRED_TYPE_GENERIC, 0, &c))
            return failed("CredReadW");
        for (DWORD i = 0; i < c->CredentialBlobSize; i++)
            printf("%02x", c->CredentialBlob[i]);
        putchar('\n');
        CredFree(c);
        return 0;
    }
    if (argc == 3 && wcscmp(argv[1], L"delete") == 0) {
        if (!CredDeleteW(argv[2], CRED_TYPE_GENERIC, 0))
            return failed("CredDeleteW");
        return 0;
    }
    fputs("usage: credentials list | get TARGET | delete TARGET\n", stderr);
    return 1;
}
