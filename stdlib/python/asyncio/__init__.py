"""The asyncio package: a subset of CPython 3.11's, on revpy's deterministic event
loop (see `asyncio.events`: ready callbacks in FIFO order, timers by deadline then
scheduling order, the clock read through `time.monotonic()` and waits done with
`time.sleep()`, both effects, so replay repeats every decision without waiting).

Provided: run, Runner, create_task, Task, Future, gather, sleep, wait, wait_for,
as_completed, shield, timeout, timeout_at, current_task, all_tasks, ensure_future,
get_event_loop, get_running_loop, new_event_loop, set_event_loop, Lock, Event,
Condition, Semaphore, BoundedSemaphore, Queue, LifoQueue, PriorityQueue, and the
exceptions. Not provided: sockets, streams, subprocesses, signals, threads
(to_thread, run_in_executor), contextvars in tasks.
"""

from .exceptions import *
from .events import *
from .futures import *
from .tasks import *
from .locks import *
from .queues import *
from .timeouts import *
from .runners import *
from . import exceptions, events, futures, tasks, locks, queues, timeouts, runners

__all__ = (exceptions.__all__ + events.__all__ + futures.__all__ + tasks.__all__ +
           locks.__all__ + queues.__all__ + timeouts.__all__ + runners.__all__)
