#!/usr/bin/env python3
"""Asks an X window to close, as a window manager's close button does: a
WM_DELETE_WINDOW client message (the tests' Xvfb has no window manager, and
xdotool's windowkill and windowclose end or destroy the window instead of asking).
Usage: close-window.py WINDOW_ID... (decimal, as `xdotool search` prints them).
Only libX11 through ctypes, so nothing to install."""
import ctypes
import sys

x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]


class ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class Event(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]


CLIENT_MESSAGE = 33
display = x.XOpenDisplay(None)
if not display:
    sys.exit("close-window: no X display")
protocols = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
delete = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
for arg in sys.argv[1:]:
    e = Event()
    e.xclient.type = CLIENT_MESSAGE
    e.xclient.window = int(arg)
    e.xclient.message_type = protocols
    e.xclient.format = 32
    e.xclient.data[0] = delete
    e.xclient.data[1] = 0  # CurrentTime
    if not x.XSendEvent(display, int(arg), 0, 0, ctypes.byref(e)):
        sys.exit(f"close-window: could not send to {arg}")
x.XFlush(display)
x.XCloseDisplay(display)
