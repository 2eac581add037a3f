"use strict";
// Preloaded into `next start|dev` by scripts/start.ts (`node --require`). If that script is killed
// with SIGKILL it cannot stop Next.js, which would keep holding the port: so Next watches its parent
// and shuts itself down gracefully (its own SIGTERM handler) once the parent is gone.
const parentPid = process.ppid;
const timer = setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch (error) {
    if (error && error.code === "ESRCH") {
      clearInterval(timer);
      process.kill(process.pid, "SIGTERM");
    }
  }
}, 1000);
timer.unref();
