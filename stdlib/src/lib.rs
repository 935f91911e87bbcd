//! revpy's standard library: the modules programs import, installed into a VM.
//!
//! Two kinds of modules:
//! - written in Python, in `stdlib/python/NAME.py` (a package `P` is `P/__init__.py`
//!   plus `P/SUB.py`), bundled into the binary and listed in `PY_MODULES`;
//! - written in Rust (`src/*.rs`), registered in `NATIVE_MODULES`.
//!
//! `sys` and the builtins live in the VM itself.

use revpy_vm::{NativeModuleInit, Value, Vm};

mod binascii;
mod bisect;
mod cmath;
mod copy;
mod counter;
mod deque;
mod functools;
mod hashes;
mod heapq;
mod imp;
mod io;
mod itertools;
mod json;
mod math;
mod math_int;
mod math_special;
mod operator;
mod os;
mod os_fs;
mod pprint;
mod random;
mod re;
mod structmod;
mod time;
mod traceback;
mod unicodedata;
mod zlib;

/// Modules written in Python: (name, source).
pub const PY_MODULES: &[(&str, &str)] = &[
    // Part A: collections, itertools, functools, operator, ... (Python).
    (
        "collections",
        include_str!("../python/collections/__init__.py"),
    ),
    (
        "collections.abc",
        include_str!("../python/collections/abc.py"),
    ),
    (
        "collections._counter",
        include_str!("../python/collections/_counter.py"),
    ),
    (
        "collections._namedtuple",
        include_str!("../python/collections/_namedtuple.py"),
    ),
    (
        "collections._user",
        include_str!("../python/collections/_user.py"),
    ),
    ("keyword", include_str!("../python/keyword.py")),
    ("operator", include_str!("../python/operator.py")),
    ("heapq", include_str!("../python/heapq.py")),
    ("bisect", include_str!("../python/bisect.py")),
    ("itertools", include_str!("../python/itertools.py")),
    ("functools", include_str!("../python/functools.py")),
    (
        "_functools_cache",
        include_str!("../python/_functools_cache.py"),
    ),
    ("copy", include_str!("../python/copy.py")),
    ("string", include_str!("../python/string.py")),
    ("textwrap", include_str!("../python/textwrap.py")),
    ("numbers", include_str!("../python/numbers.py")),
    ("fractions", include_str!("../python/fractions.py")),
    ("statistics", include_str!("../python/statistics.py")),
    ("abc", include_str!("../python/abc.py")),
    ("typing", include_str!("../python/typing.py")),
    ("enum", include_str!("../python/enum.py")),
    ("_enum_flag", include_str!("../python/_enum_flag.py")),
    ("dataclasses", include_str!("../python/dataclasses.py")),
    ("contextlib", include_str!("../python/contextlib.py")),
    ("re", include_str!("../python/re.py")),
    ("_re_template", include_str!("../python/_re_template.py")),
    ("json", include_str!("../python/json/__init__.py")),
    ("json.decoder", include_str!("../python/json/decoder.py")),
    ("json.encoder", include_str!("../python/json/encoder.py")),
    ("json.scanner", include_str!("../python/json/scanner.py")),
    ("json.tool", include_str!("../python/json/tool.py")),
    // Part C: struct, base64, hashlib, io, traceback, warnings, pprint.
    ("struct", include_str!("../python/struct.py")),
    ("base64", include_str!("../python/base64.py")),
    ("hashlib", include_str!("../python/hashlib.py")),
    ("io", include_str!("../python/io.py")),
    ("_stringio", include_str!("../python/_stringio.py")),
    ("traceback", include_str!("../python/traceback.py")),
    ("linecache", include_str!("../python/linecache.py")),
    ("inspect", include_str!("../python/inspect.py")),
    ("doctest", include_str!("../python/doctest.py")),
    ("warnings", include_str!("../python/warnings.py")),
    ("pprint", include_str!("../python/pprint.py")),
    ("pydoc", include_str!("../python/pydoc.py")),
    ("runpy", include_str!("../python/runpy.py")),
    (
        "pydoc_data",
        include_str!("../python/pydoc_data/__init__.py"),
    ),
    (
        "pydoc_data.topics",
        include_str!("../python/pydoc_data/topics.py"),
    ),
    ("codecs", include_str!("../python/codecs.py")),
    // pickle, copyreg and _compat_pickle are CPython 3.11's, unchanged.
    ("pickle", include_str!("../python/pickle.py")),
    ("copyreg", include_str!("../python/copyreg.py")),
    (
        "_compat_pickle",
        include_str!("../python/_compat_pickle.py"),
    ),
    // Part D: more pure-Python modules (many ported from CPython 3.11, see
    // python/LICENSE-PSF.txt).
    ("__future__", include_str!("../python/__future__.py")),
    ("types", include_str!("../python/types.py")),
    (
        "_generic_alias",
        include_str!("../python/_generic_alias.py"),
    ),
    ("weakref", include_str!("../python/weakref.py")),
    ("atexit", include_str!("../python/atexit.py")),
    ("argparse", include_str!("../python/argparse.py")),
    ("datetime", include_str!("../python/datetime.py")),
    ("_strptime", include_str!("../python/_strptime.py")),
    ("timeit", include_str!("../python/timeit.py")),
    ("queue", include_str!("../python/queue.py")),
    ("threading", include_str!("../python/threading.py")),
    (
        "_threading_local",
        include_str!("../python/_threading_local.py"),
    ),
    (
        "concurrent",
        include_str!("../python/concurrent/__init__.py"),
    ),
    (
        "concurrent.futures",
        include_str!("../python/concurrent/futures/__init__.py"),
    ),
    (
        "concurrent.futures._base",
        include_str!("../python/concurrent/futures/_base.py"),
    ),
    (
        "concurrent.futures.thread",
        include_str!("../python/concurrent/futures/thread.py"),
    ),
    ("decimal", include_str!("../python/decimal.py")),
    ("secrets", include_str!("../python/secrets.py")),
    ("_sysrandom", include_str!("../python/_sysrandom.py")),
    ("calendar", include_str!("../python/calendar.py")),
    ("difflib", include_str!("../python/difflib.py")),
    ("shlex", include_str!("../python/shlex.py")),
    ("html", include_str!("../python/html/__init__.py")),
    ("html.entities", include_str!("../python/html/entities.py")),
    ("html.parser", include_str!("../python/html/parser.py")),
    ("_markupbase", include_str!("../python/_markupbase.py")),
    ("urllib", include_str!("../python/urllib/__init__.py")),
    ("urllib.parse", include_str!("../python/urllib/parse.py")),
    ("ipaddress", include_str!("../python/ipaddress.py")),
    ("fnmatch", include_str!("../python/fnmatch.py")),
    ("glob", include_str!("../python/glob.py")),
    ("uuid", include_str!("../python/uuid.py")),
    ("_csv", include_str!("../python/_csv.py")),
    ("csv", include_str!("../python/csv.py")),
    ("colorsys", include_str!("../python/colorsys.py")),
    ("graphlib", include_str!("../python/graphlib.py")),
    ("reprlib", include_str!("../python/reprlib.py")),
    // Part E: files, paths, tests, logging, compression (ported from CPython 3.11 where
    // noted in each file).
    ("errno", include_str!("../python/errno.py")),
    ("stat", include_str!("../python/stat.py")),
    ("pathlib", include_str!("../python/pathlib.py")),
    ("shutil", include_str!("../python/shutil.py")),
    ("tempfile", include_str!("../python/tempfile.py")),
    ("logging", include_str!("../python/logging/__init__.py")),
    ("getopt", include_str!("../python/getopt.py")),
    ("locale", include_str!("../python/locale.py")),
    ("gettext", include_str!("../python/gettext.py")),
    ("_compression", include_str!("../python/_compression.py")),
    ("gzip", include_str!("../python/gzip.py")),
    ("array", include_str!("../python/array.py")),
    ("bz2", include_str!("../python/bz2.py")),
    ("lzma", include_str!("../python/lzma.py")),
    ("asyncio", include_str!("../python/asyncio/__init__.py")),
    (
        "asyncio.exceptions",
        include_str!("../python/asyncio/exceptions.py"),
    ),
    (
        "asyncio.events",
        include_str!("../python/asyncio/events.py"),
    ),
    (
        "asyncio.futures",
        include_str!("../python/asyncio/futures.py"),
    ),
    ("asyncio.tasks", include_str!("../python/asyncio/tasks.py")),
    ("asyncio.locks", include_str!("../python/asyncio/locks.py")),
    (
        "asyncio.queues",
        include_str!("../python/asyncio/queues.py"),
    ),
    (
        "asyncio.mixins",
        include_str!("../python/asyncio/mixins.py"),
    ),
    (
        "asyncio.timeouts",
        include_str!("../python/asyncio/timeouts.py"),
    ),
    (
        "asyncio.runners",
        include_str!("../python/asyncio/runners.py"),
    ),
    ("unittest", include_str!("../python/unittest/__init__.py")),
    ("unittest.case", include_str!("../python/unittest/case.py")),
    (
        "unittest.suite",
        include_str!("../python/unittest/suite.py"),
    ),
    (
        "unittest.loader",
        include_str!("../python/unittest/loader.py"),
    ),
    ("unittest.main", include_str!("../python/unittest/main.py")),
    (
        "unittest.runner",
        include_str!("../python/unittest/runner.py"),
    ),
    (
        "unittest.result",
        include_str!("../python/unittest/result.py"),
    ),
    ("unittest.util", include_str!("../python/unittest/util.py")),
    (
        "unittest.signals",
        include_str!("../python/unittest/signals.py"),
    ),
    ("unittest._log", include_str!("../python/unittest/_log.py")),
];

/// Modules written in Rust: (name, constructor).
pub const NATIVE_MODULES: &[(&str, NativeModuleInit)] = &[
    ("math", math::create),
    ("cmath", cmath::create),
    ("_collections", deque::create),
    ("_json", json::create),
    ("_heapq", heapq::create),
    ("_bisect", bisect::create),
    ("_operator", operator::create),
    ("_functools", functools::create),
    ("_itertools", itertools::create),
    ("_pprint", pprint::create),
    ("_copy", copy::create),
    // Effects: files, os, time, random (see each module's docs).
    ("_io", io::create),
    ("os", os::create),
    ("os.path", os::create_path),
    ("posixpath", os::create_path),
    ("time", time::create),
    ("random", random::create),
    ("_sre", re::create),
    ("_struct", structmod::create),
    ("binascii", binascii::create),
    ("_hashlib", hashes::create),
    ("_traceback", traceback::create),
    ("_imp", imp::create),
    ("zlib", zlib::create),
    ("unicodedata", unicodedata::create),
    ("_weakref", revpy_vm::types::weakref::create),
    ("_codecs", revpy_vm::types::codecs::create),
    ("gc", revpy_vm::types::weakref::create_gc),
    ("_thread", revpy_vm::threads::create),
];

/// The names of every module revpy provides (for `revpy run --list-modules`).
pub fn module_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = vec!["builtins", "sys"];
    v.extend(PY_MODULES.iter().map(|(n, _)| *n));
    v.extend(NATIVE_MODULES.iter().map(|(n, _)| *n));
    v.sort();
    v.dedup();
    v
}

/// Install the standard library into a VM.
pub fn install(vm: &mut Vm) {
    vm.frozen_modules.extend_from_slice(PY_MODULES);
    vm.native_modules.extend_from_slice(NATIVE_MODULES);
    io::install(vm);
    unicodedata::install_names();
    // `sys.builtin_module_names` (the Rust ones) and `sys.stdlib_module_names`.
    let sk = vm.intern("sys");
    if let Some(Value::Obj(sys)) = vm.dict_get_str(vm.modules, sk) {
        let d = vm.module_dict(sys);
        let mut native: Vec<&str> = vec!["builtins", "sys"];
        native.extend(NATIVE_MODULES.iter().map(|(n, _)| *n));
        native.sort();
        native.dedup();
        let items: Vec<Value> = native.iter().map(|n| vm.new_str(n.to_string())).collect();
        let t = vm.new_tuple(items);
        let k = vm.intern("builtin_module_names");
        let _ = vm.dict_set(d, k, t);
        let names: Vec<Value> = module_names()
            .iter()
            .map(|n| vm.new_str(n.to_string()))
            .collect();
        if let Ok(fs) = vm.new_frozenset(names) {
            let k = vm.intern("stdlib_module_names");
            let _ = vm.dict_set(d, k, fs);
        }
    }
}

/// A VM with the standard library installed.
pub fn new_vm() -> Vm {
    let mut vm = Vm::new();
    install(&mut vm);
    vm
}
