/*
 * A stand-in for Windows' bcryptprimitives.dll, for the tests under Wine only.
 *
 * Rust's standard library asks ProcessPrng (bcryptprimitives.dll, Windows 10 and
 * later) for its random numbers; Wine 8.0, which Debian 12 ships, does not have that
 * DLL, so naast.exe does not even start there. This one answers ProcessPrng with
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. It is built at test
 * time (scripts/wine-prefix.sh) into the test Wine prefix's system32 and never
 * shipped: every Windows that Naast supports has the real DLL.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
