# logging: basicConfig, loggers and their hierarchy, levels, handlers to
# stdout/stderr/a file/a StringIO, formatters (%-style, {-style, $-style, asctime
# with a fixed time), filters, LoggerAdapter, exceptions, stacklevel.
import io
import logging
import os
import sys
import time

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(levelname)s:%(name)s:%(message)s [%(filename)s:%(lineno)d %(funcName)s %(module)s]")
log = logging.getLogger("app")
log.debug("debug %d", 1)


def work():
    log.info("in %s", "work")
    log.warning("careful")


work()


class Service:
    def run(self):
        logging.error("root error %r", {"k": 1})


Service().run()
logging.warning("with %(k)s", {"k": "mapping"})

sub = logging.getLogger("app.sub")
print(sub.parent is log, sub.getEffectiveLevel(), log.level, logging.getLogger().level)
print(logging.getLevelName(30), logging.getLevelName("INFO"), logging.getLevelName(5),
      logging.getLevelNamesMapping()["ERROR"])
print(repr(log), repr(sub), repr(logging.getLogger()))

sio = io.StringIO()
h = logging.StreamHandler(sio)
h.setFormatter(logging.Formatter("{name}|{levelname}|{message}", style="{"))
sub.addHandler(h)
sub.propagate = False
sub.setLevel(logging.WARNING)
sub.info("dropped")
sub.error("kept %s", [1, 2])
sub.critical("crit")
print(repr(sio.getvalue()), repr(h), sub.hasHandlers(), sub.isEnabledFor(logging.INFO))

err = logging.StreamHandler(sys.stderr)
err.setFormatter(logging.Formatter("$levelname - $message", style="$"))
sub.addHandler(err)
try:
    1 / 0
except ZeroDivisionError:
    sub.exception("boom")
sub.removeHandler(err)


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1


f_log = logging.getLogger("filtered")
f_log.propagate = False
out = io.StringIO()
fh = logging.StreamHandler(out)
fh.addFilter(OnlyOdd())
f_log.addHandler(fh)
for i in range(5):
    f_log.warning("n=%d", i)
print(repr(out.getvalue()))
flt = logging.Filter("app.sub")
print(flt.filter(logging.makeLogRecord({"name": "app.sub.x"})), flt.filter(logging.makeLogRecord({"name": "other"})))

fmt = logging.Formatter("%(asctime)s %(msecs)03d %(levelname)-8s|%(message)s", datefmt="%Y-%m-%d %H:%M:%S")
fmt.converter = time.gmtime
rec = logging.makeLogRecord({"msg": "fixed %s", "args": ("time",), "created": 1700000000.25,
                             "msecs": 250.0, "levelname": "INFO", "levelno": 20})
print(fmt.format(rec))
fmt2 = logging.Formatter("%(asctime)s:%(message)s")
fmt2.converter = time.gmtime
print(fmt2.format(rec))
print(rec.getMessage(), repr(rec)[:22])

adapter = logging.LoggerAdapter(log, {"user": "ada"})
adapter.info("adapted")
print(adapter.getEffectiveLevel(), adapter.extra)

name = "_logging_tmp.log"
fileh = logging.FileHandler(name, mode="w", encoding="utf-8")
fileh.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
flog = logging.getLogger("tofile")
flog.addHandler(fileh)
flog.propagate = False
flog.warning("first line")
flog.error("second line")
fileh.close()
flog.removeHandler(fileh)
with open(name) as fp:
    print(repr(fp.read()))
os.remove(name)

logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)


def helper():
    log.warning("from helper, stacklevel 2", stacklevel=2)


helper()
logging.log(logging.INFO, "via logging.log")
logging.root.handlers[0].setLevel(logging.ERROR)
logging.info("filtered by handler level")
logging.error("passes handler level")
logging.shutdown()
