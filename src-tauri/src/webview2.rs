//! Windows draws Naast's window with Microsoft Edge WebView2, a runtime that is part
//! of Windows 11 and of current Windows 10, but that an IT department can leave out
//! or remove. Without it Tauri fails deep inside window creation; this asks first and
//! tells the person what is missing and who can install it, in Dutch and English, in
//! a message box (and on standard error, for whoever started it from a script).

use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};

/// Dutch first, as everywhere in Naast, then English.
const MISSING: &str = "Naast kan niet starten: op deze computer ontbreekt Microsoft Edge \
WebView2, het onderdeel van Windows waarmee Naast zijn venster tekent. Het hoort bij \
Windows 11 en bij bijgewerkte versies van Windows 10. Vraag je IT-afdeling om de \
\"WebView2 Runtime\" van Microsoft te installeren en start Naast daarna opnieuw. \
Je kluis is niet aangeraakt.\n\n\
Naast cannot start: Microsoft Edge WebView2, the part of Windows that Naast draws its \
window with, is missing on this computer. It comes with Windows 11 and with updated \
versions of Windows 10. Ask your IT department to install Microsoft's \"WebView2 \
Runtime\", then start Naast again. Your vault has not been touched.";

/// The exit code when the runtime is missing: not a crash, a known absence.
pub const EXIT_MISSING: i32 = 3;

/// Returns the runtime's version, or says that it is missing and returns None.
pub fn check() -> Option<String> {
    match tauri::webview_version() {
        Ok(v) => Some(v),
        Err(e) => {
            for line in MISSING.split("\n\n") {
                eprintln!("naast: {line}");
            }
            eprintln!("naast: ({e})");
            let text: Vec<u16> = MISSING.encode_utf16().chain(Some(0)).collect();
            let title: Vec<u16> = "Naast".encode_utf16().chain(Some(0)).collect();
            // SAFETY: both strings are NUL-terminated UTF-16 and live across the call;
            // no owner window exists yet.
            unsafe {
                MessageBoxW(
                    std::ptr::null_mut(),
                    text.as_ptr(),
                    title.as_ptr(),
                    MB_OK | MB_ICONERROR,
                )
            };
            None
        }
    }
}
