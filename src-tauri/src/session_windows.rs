//! On Windows, the session's lock and the laptop's sleep lock Naast as they do on
//! Linux (`locking::watch` hears them on D-Bus there). Windows tells windows, not
//! buses: a hidden top-level window of Naast's own, on a thread of its own, is
//! registered for the session's notifications (`WM_WTSSESSION_CHANGE` with
//! `WTS_SESSION_LOCK`: Windows+L, the lid closing into the lock screen, a switch of
//! user) and gets the power broadcast every top-level window gets
//! (`WM_POWERBROADCAST` with `PBT_APMSUSPEND`: going to sleep). A hidden window and
//! not a message-only one, because broadcasts skip message-only windows.
//!
//! Built here with MinGW; it cannot be run here (the app itself does not start
//! under Wine without WebView2, see `webview2`).

use std::sync::OnceLock;

use windows_sys::Win32::Foundation::{HWND, LPARAM, LRESULT, WPARAM};
use windows_sys::Win32::System::LibraryLoader::GetModuleHandleW;
use windows_sys::Win32::System::RemoteDesktop::{
    WTSRegisterSessionNotification, NOTIFY_FOR_THIS_SESSION,
};
use windows_sys::Win32::UI::WindowsAndMessaging::{
    CreateWindowExW, DefWindowProcW, DispatchMessageW, GetMessageW, RegisterClassW,
    TranslateMessage, MSG, PBT_APMSUSPEND, WM_POWERBROADCAST, WM_WTSSESSION_CHANGE, WNDCLASSW,
    WS_OVERLAPPED, WTS_SESSION_LOCK,
};

/// What a lock or sleep does; set once, read by the window's procedure.
static ON_LOCK: OnceLock<Box<dyn Fn() + Send + Sync>> = OnceLock::new();

/// Starts listening; `on_lock` runs on the listening thread for each lock or sleep.
/// A window that cannot be made is not listened to (the idle timer still locks).
pub fn watch(on_lock: impl Fn() + Send + Sync + 'static) {
    if ON_LOCK.set(Box::new(on_lock)).is_err() {
        return;
    }
    std::thread::spawn(|| {
        // SAFETY: plain Win32 calls on this thread's own window; every pointer
        // passed lives until the call returns (the class name for the whole loop).
        unsafe { listen() }
    });
}

unsafe fn listen() {
    let name: Vec<u16> = "NaastSessionWatch\0".encode_utf16().collect();
    let instance = GetModuleHandleW(std::ptr::null());
    let class = WNDCLASSW {
        lpfnWndProc: Some(procedure),
        hInstance: instance,
        lpszClassName: name.as_ptr(),
        ..Default::default()
    };
    if RegisterClassW(&class) == 0 {
        return;
    }
    // Never shown: WS_OVERLAPPED without WS_VISIBLE.
    let window = CreateWindowExW(
        0,
        name.as_ptr(),
        name.as_ptr(),
        WS_OVERLAPPED,
        0,
        0,
        0,
        0,
        std::ptr::null_mut(),
        std::ptr::null_mut(),
        instance,
        std::ptr::null(),
    );
    if window.is_null() {
        return;
    }
    WTSRegisterSessionNotification(window, NOTIFY_FOR_THIS_SESSION);
    let mut msg: MSG = std::mem::zeroed();
    while GetMessageW(&mut msg, std::ptr::null_mut(), 0, 0) > 0 {
        TranslateMessage(&msg);
        DispatchMessageW(&msg);
    }
}

unsafe extern "system" fn procedure(
    window: HWND,
    msg: u32,
    wparam: WPARAM,
    lparam: LPARAM,
) -> LRESULT {
    let locks = (msg == WM_WTSSESSION_CHANGE && wparam == WTS_SESSION_LOCK as WPARAM)
        || (msg == WM_POWERBROADCAST && wparam == PBT_APMSUSPEND as WPARAM);
    if locks {
        if let Some(lock) = ON_LOCK.get() {
            lock();
        }
    }
    DefWindowProcW(window, msg, wparam, lparam)
}
