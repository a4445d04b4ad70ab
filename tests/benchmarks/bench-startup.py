#!/usr/bin/env python3
"""Time from exec to the main window being viewable, under Xvfb, for Porting
and for GNOME Text Editor on the same machine in the same run.
usage: bench-startup.py PORTING [RUNS]"""
import os, signal, shutil, statistics, subprocess, sys, tempfile, time

porting = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
baseline = shutil.which("gnome-text-editor")
if not baseline or not all(shutil.which(t) for t in ("Xvfb", "xwininfo", "dbus-run-session")):
    print("SKIP: needs gnome-text-editor, Xvfb, xwininfo and dbus-run-session")
    sys.exit(77)

r, w = os.pipe()
xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                        pass_fds=(w,), stderr=subprocess.DEVNULL)
os.close(w)
display = ":" + os.read(r, 64).decode().strip()
os.close(r)

def viewable(wm_class):
    out = subprocess.run(["xwininfo", "-root", "-tree"], env={"DISPLAY": display},
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        # The 1x1 client leader is not the window a user sees.
        if '("%s"' % wm_class in line and " 1x1+" not in line:
            wid = line.split()[0]
            state = subprocess.run(["xwininfo", "-id", wid], env={"DISPLAY": display},
                                   capture_output=True, text=True).stdout
            if "IsViewable" in state:
                return True
    return False

def measure(argv, wm_class):
    home = tempfile.mkdtemp(prefix="bench-startup-")
    env = dict(os.environ, DISPLAY=display, HOME=home, XDG_CONFIG_HOME=home + "/config",
               XDG_DATA_HOME=home + "/data", XDG_CACHE_HOME=home + "/cache",
               GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1", GTK_A11Y="none",
               ADW_DISABLE_PORTAL="1")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    # Each app gets a private session bus, so that neither waits on a
    # desktop session or portal that a headless machine does not have.
    start = time.monotonic()
    proc = subprocess.Popen(["dbus-run-session", "--"] + argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    elapsed = None
    while time.monotonic() - start < 20:
        if viewable(wm_class):
            elapsed = time.monotonic() - start
            break
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    time.sleep(0.2)
    shutil.rmtree(home, ignore_errors=True)
    return elapsed

try:
    ours, theirs = [], []
    for i in range(runs):  # alternate, so that load hits both alike
        ours.append(measure([porting], "porting"))
        theirs.append(measure([baseline], "gnome-text-editor"))
finally:
    xvfb.terminate()
    xvfb.wait()

ours = [t for t in ours if t is not None]
theirs = [t for t in theirs if t is not None]
if not ours or not theirs:
    print("window never appeared: porting %d/%d, gnome-text-editor %d/%d" % (len(ours), runs, len(theirs), runs))
    sys.exit(1)
a, b = statistics.median(ours), statistics.median(theirs)
print("window viewable after exec, median of %d runs under Xvfb" % runs)
print("  %-20s %7.0f ms" % ("porting", a * 1000))
print("  %-20s %7.0f ms   (baseline)" % ("gnome-text-editor", b * 1000))
print("  ratio porting / gnome-text-editor: %.2f (goal <= 1.00)" % (a / b))
