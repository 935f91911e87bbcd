"""The event loop: revpy's deterministic one.

Ready callbacks run in FIFO order (the order `call_soon` scheduled them); timers run
in the order of (deadline, scheduling sequence number). The loop's clock is
`time.monotonic()`, an effect like every clock read: when nothing is ready and the
next timer is in the future, the loop calls `time.sleep()` until its deadline, then
reads the clock again. Recording (`revpy record`) and running (`revpy run`) really
sleep; replay returns the logged clock readings and does not sleep, so a replayed
`asyncio.sleep(1)` takes no wall time and every decision the loop made (which timers
were due) is made again identically.

There is no I/O selector: the loop runs callbacks, tasks and timers. A loop with
nothing ready and no timer left while `run_until_complete` waits would wait forever
(every task waits for another); it raises RuntimeError instead of hanging.
"""

import collections
import heapq
import time as _time

from . import exceptions

__all__ = (
    'AbstractEventLoop', 'BaseEventLoop', 'Handle', 'TimerHandle',
    'get_event_loop', 'set_event_loop', 'new_event_loop',
    'get_running_loop', '_get_running_loop', '_set_running_loop',
    'get_event_loop_policy', 'set_event_loop_policy', 'AbstractEventLoopPolicy',
    'DefaultEventLoopPolicy',
)


def _format_callback(cb):
    name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None)
    return name if name else repr(cb)


class Handle:
    """Object returned by callback registration methods."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '_context', '__weakref__')

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._context = context

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback) + '()')
        return '<{}>'.format(' '.join(info))

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            # (Plain calls for the usual 0 to 2 arguments: revpy runs them in the
            # interpreter's loop, where the collector may run; `f(*args)` is a call
            # from Rust, during which it may not.)
            args = self._args
            n = len(args)
            if n == 0:
                self._callback()
            elif n == 1:
                self._callback(args[0])
            elif n == 2:
                self._callback(args[0], args[1])
            else:
                self._callback(*args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            msg = f'Exception in callback {_format_callback(self._callback)}()'
            self._loop.call_exception_handler({
                'message': msg,
                'exception': exc,
                'handle': self,
            })
        self = None  # Needed to break cycles when an exception occurs.


class TimerHandle(Handle):
    """Object returned by timed callback registration methods."""

    __slots__ = ['_scheduled', '_when']

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        info.append(f'when={self._when}')
        if self._callback is not None:
            info.append(_format_callback(self._callback) + '()')
        return '<{}>'.format(' '.join(info))

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


class AbstractEventLoop:
    """Abstract event loop."""


class BaseEventLoop(AbstractEventLoop):

    def __init__(self):
        self._ready = collections.deque()
        self._scheduled = []          # heap of (when, sequence, TimerHandle)
        self._sequence = 0
        self._stopping = False
        self._closed = False
        self._thread_running = False
        self._exception_handler = None
        self._debug = False
        self._clock_resolution = 1e-09
        self._asyncgens = []
        self._asyncgens_shutdown_called = False
        self._current_task = None
        self._task_factory = None

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # -- Futures and tasks.

    def create_future(self):
        from . import futures
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        from . import tasks
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            task = self._task_factory(self, coro)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # -- Running.

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError(
                'Cannot run the event loop while another loop is running')

    def run_forever(self):
        """Run until stop() is called."""
        self._check_closed()
        self._check_running()
        old_loop = _get_running_loop()
        self._thread_running = True
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_running = False
            _set_running_loop(old_loop)

    def run_until_complete(self, future):
        """Run until the Future is done and return its result (or raise its
        exception)."""
        self._check_closed()
        self._check_running()
        from . import futures, tasks
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        self._waiting_for = future
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                # The coroutine raised a BaseException: retrieve it.
                future.exception()
            raise
        finally:
            self._waiting_for = None
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def is_running(self):
        return self._thread_running

    def is_closed(self):
        return self._closed

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    async def shutdown_asyncgens(self):
        """Shutdown all active asynchronous generators."""
        self._asyncgens_shutdown_called = True

    async def shutdown_default_executor(self):
        pass

    # -- Time and callbacks.

    def time(self):
        """The loop's clock: time.monotonic(), an effect (replay reads it from the
        recording)."""
        return _time.monotonic()

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if not callable(callback):
            raise TypeError('a callable object was expected by call_soon(), '
                            f'got {callback!r}')
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = TimerHandle(when, callback, args, self, context)
        self._sequence += 1
        heapq.heappush(self._scheduled, (when, self._sequence, timer))
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        pass

    def _run_once(self):
        """One iteration: move due timers to the ready queue, then run every callback
        that was ready at the start of the iteration."""
        sched = self._scheduled
        while sched and sched[0][2]._cancelled:
            heapq.heappop(sched)[2]._scheduled = False
        if sched:
            now = self.time()
            if not self._ready and not self._stopping and sched[0][0] > now:
                # Nothing to do until the next timer: wait for it (the sleep is an
                # effect: replay does not wait), then read the clock again.
                _time.sleep(sched[0][0] - now)
                now = self.time()
            end_time = now + self._clock_resolution
            while sched:
                when, _, handle = sched[0]
                if when > end_time:
                    break
                heapq.heappop(sched)
                handle._scheduled = False
                if not handle._cancelled:
                    self._ready.append(handle)
        elif not self._ready and not self._stopping:
            raise RuntimeError(
                'revpy: the event loop has nothing left to run: every task '
                'waits for something that no task or timer will do (a real '
                'event loop would wait forever)')
        ntodo = len(self._ready)
        for _ in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                continue
            handle._run()

    # -- Errors.

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, '
                            f'got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        import sys
        message = context.get('message') or 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            lines.append(f'{key}: {context[key]!r}')
        print('\n'.join(lines), file=sys.stderr)
        exc = context.get('exception')
        if exc is not None:
            import traceback
            traceback.print_exception(type(exc), exc, exc.__traceback__)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)


class _UnixSelectorEventLoop(BaseEventLoop):
    pass


SelectorEventLoop = _UnixSelectorEventLoop
EventLoop = SelectorEventLoop


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


# -- The running loop and the policy.

_running_loop = None


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_running_loop():
    """Return the running event loop. Raise a RuntimeError if there is none."""
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    _loop_factory = SelectorEventLoop

    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % 'MainThread')
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._loop = loop

    def new_event_loop(self):
        return self._loop_factory()


_event_loop_policy = None


def get_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = DefaultEventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _event_loop_policy = policy


def get_event_loop():
    """The running loop if there is one, else the current loop of the policy."""
    loop = _running_loop
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
