"""Run Python modules as scripts: `revpy -m MOD` (as `python -m`), `run_module` and
`run_path`.

Follows CPython 3.11's Lib/runpy.py (Copyright (c) 2001-2023 Python Software
Foundation; see LICENSE-PSF.txt) over revpy's import system, which has no
`importlib` specs: modules run with `__spec__` and `__loader__` None, and their
source comes from `_imp.find_source` (a file on `sys.path` or a bundled module).
"""

import sys
import _imp

__all__ = ["run_module", "run_path"]


class _TempModule(object):
    """Temporarily replace a module in sys.modules with an empty namespace"""
    def __init__(self, mod_name):
        self.mod_name = mod_name
        self.module = type(sys)(mod_name)
        self._saved_module = []

    def __enter__(self):
        mod_name = self.mod_name
        try:
            self._saved_module.append(sys.modules[mod_name])
        except KeyError:
            pass
        sys.modules[mod_name] = self.module
        return self

    def __exit__(self, *args):
        if self._saved_module:
            sys.modules[self.mod_name] = self._saved_module[0]
        else:
            del sys.modules[self.mod_name]
        self._saved_module = []


class _ModifiedArgv0(object):
    def __init__(self, value):
        self.value = value
        self._saved_value = self._sentinel = object()

    def __enter__(self):
        if self._saved_value is not self._sentinel:
            raise RuntimeError("Already preserving saved value")
        self._saved_value = sys.argv[0]
        sys.argv[0] = self.value

    def __exit__(self, *args):
        self.value = self._sentinel
        sys.argv[0] = self._saved_value


def _run_code(code, run_globals, init_globals=None, mod_name=None,
              fname=None, pkg_name=None):
    """Helper to run code in nominated namespace"""
    if init_globals is not None:
        run_globals.update(init_globals)
    run_globals.update(__name__=mod_name,
                       __file__=fname,
                       __cached__=None,
                       __doc__=None,
                       __loader__=None,
                       __package__=pkg_name,
                       __spec__=None)
    exec(code, run_globals)
    return run_globals


def _run_module_code(code, init_globals=None, mod_name=None, fname=None,
                     pkg_name=None):
    """Helper to run code in new namespace with sys modified"""
    with _TempModule(mod_name) as temp_module, _ModifiedArgv0(fname):
        mod_globals = temp_module.module.__dict__
        _run_code(code, mod_globals, init_globals, mod_name, fname, pkg_name)
    return mod_globals.copy()


def _get_module_details(mod_name, error=ImportError):
    """(module name, file name, code) of the module `python -m mod_name` runs: a
    package runs its `__main__` submodule."""
    if mod_name.startswith("."):
        raise error("Relative module names not supported")
    pkg_name, _, _ = mod_name.rpartition(".")
    try:
        found = _imp.find_source(mod_name)
    except ImportError as ex:
        if pkg_name and ex.name is not None and (
                ex.name == pkg_name or pkg_name.startswith(ex.name + ".")):
            msg = "Error while finding module specification for {!r} ({}: {})"
            if mod_name.endswith(".py"):
                msg += (f". Try using '{mod_name[:-3]}' instead of "
                        f"'{mod_name}' as the module name.")
            raise error(msg.format(mod_name, type(ex).__name__, ex)) from ex
        raise
    if found is None:
        if mod_name in sys.builtin_module_names:
            raise error("No code object available for %s" % mod_name)
        raise error("No module named %s" % mod_name)
    fname, source, is_pkg = found
    if is_pkg:
        if mod_name == "__main__" or mod_name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            pkg_main_name = mod_name + ".__main__"
            return _get_module_details(pkg_main_name, error)
        except error as e:
            if mod_name not in sys.modules:
                raise
            raise error(("%s; %r is a package and cannot " +
                         "be directly executed") % (e, mod_name))
    code = compile(source, fname, "exec")
    return mod_name, fname, code


class _Error(Exception):
    """Error that _run_module_as_main() should report without a traceback"""


def _run_module_as_main(mod_name, alter_argv=True):
    """Runs the designated module in the __main__ namespace (`-m`)."""
    try:
        mod_name, fname, code = _get_module_details(mod_name, _Error)
    except _Error as exc:
        msg = "%s: %s" % (sys.executable, exc)
        sys.exit(msg)
    main_globals = sys.modules["__main__"].__dict__
    if alter_argv:
        sys.argv[0] = fname
    return _run_code(code, main_globals, None, "__main__", fname,
                     mod_name.rpartition(".")[0])


def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
    """Execute a module's code without importing it; returns its globals."""
    mod_name, fname, code = _get_module_details(mod_name)
    pkg_name = mod_name.rpartition(".")[0]
    if run_name is None:
        run_name = mod_name
    if alter_sys:
        return _run_module_code(code, init_globals, run_name, fname, pkg_name)
    return _run_code(code, {}, init_globals, run_name, fname, pkg_name)


def run_path(path_name, init_globals=None, run_name=None):
    """Execute the code of a Python source file; returns its globals."""
    if run_name is None:
        run_name = "<run_path>"
    with open(path_name, encoding="utf-8") as f:
        source = f.read()
    code = compile(source, path_name, "exec")
    return _run_module_code(code, init_globals, run_name, path_name, "")
