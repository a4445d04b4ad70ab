#!/usr/bin/env python3
"""Time from exec to the main window being mapped (viewable), on a private
Xvfb, for Porting and for GNOME Text Editor on the same machine in the same
run, each with its own session bus.
usage: bench-startup.py PORTING [RUNS]

The windows are seen through the X server's own MapNotify events on the
root window (libX11 through ctypes), not by polling: polling with xwininfo
took the cores from the apps being timed, and its connections made the
server reset."""
import ctypes, ctypes.util, os, select, shutil, signal, statistics, subprocess, sys, tempfile, time

porting = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
baseline = shutil.which("gnome-text-editor")
libx11 = ctypes.util.find_library("X11")
if not baseline or not libx11 or not all(shutil.which(t) for t in ("Xvfb", "dbus-run-session")):
    print("SKIP: needs gnome-text-editor, Xvfb, libX11 and dbus-run-session")
    sys.exit(77)

WINDOW_TIMEOUT = 20
MAP_NOTIFY = 19
CONFIGURE_NOTIFY = 22
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
IS_VIEWABLE = 2


class XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24)]


class XClassHint(ctypes.Structure):
    _fields_ = [("res_name", ctypes.c_void_p), ("res_class", ctypes.c_void_p)]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


xlib = ctypes.CDLL(libx11)
xlib.XOpenDisplay.restype = ctypes.c_void_p
xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
xlib.XDefaultRootWindow.restype = ctypes.c_ulong
xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
xlib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
xlib.XFlush.argtypes = [ctypes.c_void_p]
xlib.XConnectionNumber.argtypes = [ctypes.c_void_p]
xlib.XPending.argtypes = [ctypes.c_void_p]
xlib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
xlib.XGetClassHint.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XClassHint)]
xlib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XWindowAttributes)]
xlib.XFree.argtypes = [ctypes.c_void_p]

# A window can go before it is asked about: the default handler would exit.
X_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
ignore_x_errors = X_ERROR_HANDLER(lambda display, event: 0)
xlib.XSetErrorHandler(ignore_x_errors)


def start_xvfb():
    """A private server; -noreset, because without it the server resets when
    its last client leaves and then dies writing its display number again to
    the -displayfd pipe."""
    r, w = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp", "-noreset"],
                            pass_fds=(w,), stderr=subprocess.DEVNULL)
    os.close(w)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(r, 64)
        if not chunk:
            sys.exit("Xvfb did not start")
        number += chunk
    os.close(r)
    return xvfb, ":" + number.decode().strip()


def window_class(display, window):
    hint = XClassHint()
    if not xlib.XGetClassHint(display, window, ctypes.byref(hint)):
        return None
    name = ctypes.string_at(hint.res_name).decode() if hint.res_name else ""
    xlib.XFree(hint.res_name)
    xlib.XFree(hint.res_class)
    return name


def is_main_window(display, window, wm_class):
    attributes = XWindowAttributes()
    if window_class(display, window) != wm_class:
        return False
    if not xlib.XGetWindowAttributes(display, window, ctypes.byref(attributes)):
        return False
    # Not the 1×1 client leader, nor anything not actually on screen.
    return attributes.map_state == IS_VIEWABLE and attributes.width > 1 and attributes.height > 1


def wait_for_window(display, wm_class, start):
    event = XEvent()
    fd = xlib.XConnectionNumber(display)
    while True:
        while xlib.XPending(display):
            xlib.XNextEvent(display, ctypes.byref(event))
            # A window may be mapped before it has its size: both events.
            # Their window field is at the same place.
            if event.type in (MAP_NOTIFY, CONFIGURE_NOTIFY) and \
               is_main_window(display, event.xmap.window, wm_class):
                return time.monotonic() - start
        left = start + WINDOW_TIMEOUT - time.monotonic()
        if left <= 0:
            return None
        select.select([fd], [], [], left)


def measure(display, display_name, argv, wm_class):
    home = tempfile.mkdtemp(prefix="bench-startup-")
    env = dict(os.environ, DISPLAY=display_name, HOME=home, XDG_CONFIG_HOME=home + "/config",
               XDG_DATA_HOME=home + "/data", XDG_CACHE_HOME=home + "/cache",
               GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1", GTK_A11Y="none",
               ADW_DISABLE_PORTAL="1")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("XAUTHORITY", None)
    # Each app gets a private session bus, so that neither waits on a
    # desktop session or portal that a headless machine does not have.
    start = time.monotonic()
    proc = subprocess.Popen(["dbus-run-session", "--"] + argv, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    elapsed = wait_for_window(display, wm_class, start)
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    time.sleep(0.2)
    shutil.rmtree(home, ignore_errors=True)
    return elapsed


xvfb, display_name = start_xvfb()
try:
    display = xlib.XOpenDisplay(display_name.encode())
    if not display:
        sys.exit("Cannot open the private display " + display_name)
    xlib.XSelectInput(display, xlib.XDefaultRootWindow(display), SUBSTRUCTURE_NOTIFY_MASK)
    xlib.XFlush(display)

    ours, theirs = [], []
    for i in range(runs):  # alternate, so that load hits both alike
        ours.append(measure(display, display_name, [porting], "porting"))
        theirs.append(measure(display, display_name, [baseline], "gnome-text-editor"))
    xlib.XCloseDisplay(display)
finally:
    xvfb.terminate()
    xvfb.wait()

ours = [t for t in ours if t is not None]
theirs = [t for t in theirs if t is not None]
if not ours or not theirs:
    print("window never appeared: porting %d/%d, gnome-text-editor %d/%d" % (len(ours), runs, len(theirs), runs))
    sys.exit(1)
a, b = statistics.median(ours), statistics.median(theirs)
print("window mapped after exec, median of %d runs under Xvfb (range)" % runs)
print("  %-20s %7.0f ms   (%.0f–%.0f)" % ("porting", a * 1000, min(ours) * 1000, max(ours) * 1000))
print("  %-20s %7.0f ms   (%.0f–%.0f, baseline)" % ("gnome-text-editor", b * 1000, min(theirs) * 1000,
                                                     max(theirs) * 1000))
if len(ours) < runs or len(theirs) < runs:
    print("  windows seen: porting %d/%d, gnome-text-editor %d/%d" % (len(ours), runs, len(theirs), runs))
print("  ratio porting / gnome-text-editor: %.2f (goal <= 1.00)" % (a / b))
