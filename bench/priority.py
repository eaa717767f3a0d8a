"""Raise this benchmark's CPU priority on a shared machine, or say why it could not.

Linux groups processes by session ("autogroups") and shares the CPU fairly between
groups before `nice` counts inside a group: a benchmark started beside other sessions'
busy processes gets at most its group's share, however it is niced, and a two-process
row then measures half a core each. Raising the autogroup's priority (root or
CAP_SYS_NICE) lets the benchmark's processes, its workers included, take the cores.
"""

from __future__ import annotations

import os
from pathlib import Path

AUTOGROUP = Path("/proc/self/autogroup")


def raise_priority(nice: int = -15) -> str:
    """Set this session's autogroup and this process to `nice`; a line saying what was done."""
    done = []
    try:
        AUTOGROUP.write_text(str(nice))
        done.append(f"autogroup nice {nice}")
    except OSError as error:
        done.append(f"autogroup unchanged ({error.strerror or error})")
    try:
        os.setpriority(os.PRIO_PROCESS, 0, nice)
        done.append(f"process nice {nice}")
    except OSError as error:
        done.append(f"process nice unchanged ({error.strerror or error})")
    return "priority: " + ", ".join(done)
