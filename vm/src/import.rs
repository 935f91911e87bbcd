//! `import`: modules next to the script and packages (folders with `__init__.py`),
//! native modules registered by `stdlib`, relative imports, `from m import *`.
//! Reading sources goes through the effects boundary.

use crate::object::Kind;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

impl Vm {
    /// The directories searched for top-level modules (`sys.path`).
    fn search_path(&mut self) -> Vec<String> {
        let mut out = vec![];
        if let Some(sys) = self.sys {
            let d = self.module_dict(sys);
            let k = self.intern("path");
            if let Some(p) = self.dict_get_str(d, k) {
                for v in self.tuple_items(p) {
                    if let Some(s) = self.as_str(v) {
                        out.push(s.to_string());
                    }
                }
            }
        }
        if out.is_empty() {
            out.push(self.script_dir.clone());
        }
        out
    }

    fn module_attr(&mut self, m: ObjRef, name: &str) -> Option<Value> {
        let d = match self.heap.kind(m) {
            Kind::Module(md) => md.dict,
            _ => return None,
        };
        let k = self.intern(name);
        self.dict_get_str(d, k)
    }

    /// An attribute of whatever `sys.modules` holds for a module (any object: a
    /// program may store one there), `None` when it has none.
    fn entry_attr(&mut self, m: Value, name: &str) -> PyResult<Option<Value>> {
        match m {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Module(_)) => {
                Ok(self.module_attr(r, name))
            }
            _ => {
                let k = self.intern(name);
                self.getattr_opt(m, k)
            }
        }
    }

    /// `setattr(parent, name, child)` after importing a submodule (on a parent that is
    /// not a module, as CPython, a failure to set it is an error).
    fn set_child(&mut self, parent: Value, name: &str, child: Value) -> PyResult<()> {
        let k = self.intern(name);
        match parent {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Module(_)) => {
                let d = self.module_dict(r);
                self.dict_set(d, k, child)
            }
            _ => self.setattr(parent, k, child),
        }
    }

    /// The absolute module name for a (possibly relative) import.
    fn resolve_name(&mut self, name: &str, level: i64, globals: ObjRef) -> PyResult<String> {
        if level <= 0 {
            return Ok(name.to_string());
        }
        let pk = self.names.__package__;
        let nk = self.names.__name__;
        let pathk = self.names.__path__;
        let package = match self.dict_get_str(globals, pk) {
            Some(p) if !p.is_none() => self.str_lossy(p),
            _ => {
                let modname = self
                    .dict_get_str(globals, nk)
                    .map(|v| self.str_lossy(v))
                    .unwrap_or_default();
                if self.dict_get_str(globals, pathk).is_some() {
                    modname
                } else {
                    modname
                        .rsplit_once('.')
                        .map(|(a, _)| a.to_string())
                        .unwrap_or_default()
                }
            }
        };
        if package.is_empty() || package == "__main__" {
            return Err(self.new_error(
                self.types.import_error,
                "attempted relative import with no known parent package".into(),
            ));
        }
        let mut parts: Vec<&str> = package.split('.').collect();
        for _ in 1..level {
            if parts.pop().is_none() || parts.is_empty() {
                return Err(self.new_error(
                    self.types.import_error,
                    "attempted relative import beyond top-level package".into(),
                ));
            }
        }
        let base = parts.join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// IMPORT_NAME.
    pub(crate) fn import_name(
        &mut self,
        name: Value,
        fromlist: Value,
        level: Value,
        globals: ObjRef,
    ) -> PyResult<Value> {
        let name = self.str_of(name).to_string();
        let level = match level {
            Value::Int(i) => i,
            _ => 0,
        };
        let full = self.resolve_name(&name, level, globals)?;
        let parts: Vec<&str> = full.split('.').collect();
        let mut parent: Option<Value> = None;
        let mut prefix = String::new();
        let mut top = None;
        let mut leaf = None;
        for p in &parts {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(p);
            let m = self.load_module(&prefix, parent)?;
            if let Some(par) = parent {
                self.set_child(par, p, m)?;
            }
            if top.is_none() {
                top = Some(m);
            }
            leaf = Some(m);
            parent = Some(m);
        }
        let (Some(top), Some(leaf)) = (top, leaf) else {
            return Err(self.new_value_error("Empty module name".into()));
        };
        let has_fromlist = !fromlist.is_none() && self.tuple_len(fromlist) > 0;
        if !has_fromlist {
            return Ok(if level > 0 { leaf } else { top });
        }
        // `from pkg import submodule`: import submodules not yet loaded.
        if self.entry_attr(leaf, "__path__")?.is_some() {
            for item in self.tuple_items(fromlist) {
                let n = self.str_of(item).to_string();
                if n == "*" {
                    continue;
                }
                if self.entry_attr(leaf, &n)?.is_none() {
                    let sub = format!("{full}.{n}");
                    match self.load_module(&sub, Some(leaf)) {
                        Ok(m) => self.set_child(leaf, &n, m)?,
                        Err(e) if self.isinstance_ref(e.0, self.types.module_not_found_error) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        Ok(leaf)
    }

    /// Find, create and execute a module, or return what `sys.modules` holds for it
    /// (any object a program stored there; `None` there stops the import).
    pub fn load_module(&mut self, full: &str, parent: Option<Value>) -> PyResult<Value> {
        let key = self.new_str(full.to_string());
        match self.dict_get(self.modules, key)? {
            Some(Value::None) => {
                let msg = format!("import of {full} halted; None in sys.modules");
                let cls = self.types.module_not_found_error;
                return Err(self.new_import_error(cls, msg, full));
            }
            Some(m) => return Ok(m),
            None => {}
        }
        self.find_module(full, parent).map(Value::Obj)
    }

    /// The module object of native module `name`, for natives that keep their classes
    /// and state in it. A program may have replaced `sys.modules[name]` with another
    /// object (CPython's C modules never look themselves up there): then a fresh copy
    /// of the module is built, not stored.
    pub fn native_module_dict(&mut self, name: &str) -> PyResult<ObjRef> {
        let key = self.new_str(name.to_string());
        let m = match self.dict_get(self.modules, key)? {
            Some(Value::Obj(m)) if matches!(self.heap.kind(m), Kind::Module(_)) => m,
            Some(_) => {
                let ctor = self
                    .native_modules
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, c)| *c);
                match ctor {
                    Some(ctor) => ctor(self)?,
                    None => {
                        let msg = format!("revpy: native module {name} is missing");
                        return Err(self.new_error(self.types.system_error, msg));
                    }
                }
            }
            None => self.find_module(name, None)?,
        };
        Ok(self.module_dict(m))
    }

    /// Find, create and execute a module not in `sys.modules`.
    fn find_module(&mut self, full: &str, parent: Option<Value>) -> PyResult<ObjRef> {
        let key = self.new_str(full.to_string());
        match self.locate_module(full, parent)? {
            Some(Located::Native(ctor)) => {
                let m = ctor(self)?;
                self.dict_set(self.modules, key, Value::Obj(m))?;
                Ok(m)
            }
            Some(Located::File {
                path,
                source,
                pkg_dir,
            }) => self.exec_module_source(full, &path, &source, pkg_dir),
            Some(Located::Frozen { source, is_pkg }) => self.exec_frozen(full, source, is_pkg),
            None => {
                let mut msg = format!("No module named '{full}'");
                if let Some(p) = parent {
                    if self.entry_attr(p, "__path__")?.is_none() {
                        let pname = full.rsplit_once('.').map_or("", |(a, _)| a);
                        msg = format!("{msg}; '{pname}' is not a package");
                    }
                }
                Err(self.new_import_error(self.types.module_not_found_error, msg, full))
            }
        }
    }

    /// Where module `full` comes from: a native module, a file on the search path
    /// (the package's `__path__` for a submodule), or one bundled in revpy.
    fn locate_module(&mut self, full: &str, parent: Option<Value>) -> PyResult<Option<Located>> {
        if let Some(ctor) = self
            .native_modules
            .iter()
            .find(|(n, _)| *n == full)
            .map(|(_, c)| *c)
        {
            return Ok(Some(Located::Native(ctor)));
        }
        let short = full.rsplit('.').next().unwrap_or(full).to_string();
        let dirs: Vec<String> = match parent {
            Some(p) => match self.entry_attr(p, "__path__")? {
                Some(pv) => self
                    .tuple_items(pv)
                    .into_iter()
                    .filter_map(|v| self.as_str(v).map(|s| s.to_string()))
                    .collect(),
                None => vec![],
            },
            None => self.search_path(),
        };
        for dir in dirs {
            let pkg_dir = join(&dir, &short);
            let init = join(&pkg_dir, "__init__.py");
            let file = join(&dir, &format!("{short}.py"));
            let r = self.effects.is_dir(&pkg_dir);
            let is_pkg_dir = self.fx(r)? && {
                let r = self.effects.is_file(&init);
                self.fx(r)?
            };
            let r = self.effects.is_file(&file);
            let (path, is_pkg) = if is_pkg_dir {
                (init, true)
            } else if self.fx(r)? {
                (file, false)
            } else {
                continue;
            };
            let r = self.effects.read_source(&path);
            let Some(source) = self.fx(r)? else {
                continue;
            };
            let pkg_dir = is_pkg.then_some(pkg_dir);
            return Ok(Some(Located::File {
                path,
                source,
                pkg_dir,
            }));
        }
        // Modules written in Python and shipped inside revpy (after the program's own
        // files, as CPython's stdlib comes after the script's directory on sys.path).
        if let Some(src) = self
            .frozen_modules
            .iter()
            .find(|(n, _)| *n == full)
            .map(|(_, s)| *s)
        {
            let prefix = format!("{full}.");
            let is_pkg = self
                .frozen_modules
                .iter()
                .any(|(n, _)| n.starts_with(&prefix));
            return Ok(Some(Located::Frozen {
                source: src,
                is_pkg,
            }));
        }
        Ok(None)
    }

    /// The source of Python module `full` without running it (`runpy`, for `-m`):
    /// `(file name, source, is a package)`, or None if there is no such module or it
    /// is native. A dotted name's parent packages are imported first.
    pub fn module_source(&mut self, full: &str) -> PyResult<Option<(String, String, bool)>> {
        let parent = match full.rsplit_once('.') {
            Some((p, _)) => {
                let globals = self.builtins;
                let pv = self.new_str(p.to_string());
                self.import_name(pv, Value::None, Value::Int(0), globals)?;
                let key = self.new_str(p.to_string());
                self.dict_get(self.modules, key)?
            }
            None => None,
        };
        let found = match self.locate_module(full, parent)? {
            Some(Located::File {
                path,
                source,
                pkg_dir,
            }) => Some((path, source, pkg_dir.is_some())),
            Some(Located::Frozen { source, is_pkg }) => {
                Some((format!("<frozen {full}>"), source.to_string(), is_pkg))
            }
            Some(Located::Native(_)) | None => None,
        };
        // Its tracebacks show its lines, and the debugger lists it.
        if let Some((path, source, _)) = &found {
            self.add_source(path, source);
        }
        Ok(found)
    }

    /// Run a bundled Python module; packages get an empty `__path__` (their submodules
    /// are bundled too).
    fn exec_frozen(&mut self, full: &str, source: &str, is_pkg: bool) -> PyResult<ObjRef> {
        let path = format!("<frozen {full}>");
        self.exec_module_source(full, &path, source, is_pkg.then(String::new))
    }

    /// Create module `full` from source text and run it.
    pub fn exec_module_source(
        &mut self,
        full: &str,
        path: &str,
        source: &str,
        pkg_dir: Option<String>,
    ) -> PyResult<ObjRef> {
        let m = self.new_module(full);
        let d = self.module_dict(m);
        let fk = self.names.__file__;
        let fv = self.new_str(path.to_string());
        self.dict_set(d, fk, fv)?;
        let package = match &pkg_dir {
            Some(_) => full.to_string(),
            None => full
                .rsplit_once('.')
                .map(|(a, _)| a.to_string())
                .unwrap_or_default(),
        };
        let pk = self.names.__package__;
        let pv = self.new_str(package);
        self.dict_set(d, pk, pv)?;
        if let Some(dir) = pkg_dir {
            // An empty directory marks a bundled package: no search path of its own.
            let pathk = self.names.__path__;
            let items = if dir.is_empty() {
                vec![]
            } else {
                vec![self.new_str(dir)]
            };
            let l = self.new_list(items);
            self.dict_set(d, pathk, l)?;
        }
        let key = self.new_str(full.to_string());
        self.dict_set(self.modules, key, Value::Obj(m))?;
        self.add_source(path, source);
        let code = match revpy_compiler::compile(source, path, revpy_compiler::CompileMode::Module)
        {
            Ok(c) => c,
            Err(e) => {
                self.dict_del(self.modules, key)?;
                let cls = match e.kind {
                    revpy_compiler::ErrorKind::Syntax => self.types.syntax_error,
                    revpy_compiler::ErrorKind::Unsupported => self.types.syntax_error,
                };
                let msg = format!("{} ({}, line {})", e.message, path, e.line);
                return Err(self.new_error(cls, msg));
            }
        };
        if let Err(e) = self.exec_in_module(&code, m) {
            self.dict_del(self.modules, key)?;
            return Err(e);
        }
        Ok(m)
    }

    /// IMPORT_FROM.
    pub(crate) fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        match self.getattr_opt(m, name) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            // A module `__getattr__` that raises AttributeError: "cannot import name".
            Err(e) if self.isinstance_ref(e.0, self.types.attribute_error) => {}
            Err(e) => return Err(e),
        }
        let modname = match self.entry_attr(m, "__name__")? {
            Some(v) if self.as_str(v).is_some() => self.str_lossy(v),
            _ => "<unknown module name>".to_string(),
        };
        let n = self.str_of(name).to_string();
        let sub = self.new_str(format!("{modname}.{n}"));
        if let Some(v) = self.dict_get(self.modules, sub)? {
            return Ok(v);
        }
        let file = match self.entry_attr(m, "__file__")? {
            Some(v) if self.as_str(v).is_some() => Some(self.str_lossy(v)),
            _ => None,
        };
        let msg = match file {
            Some(f) => format!("cannot import name '{n}' from '{modname}' ({f})"),
            None => format!("cannot import name '{n}' from '{modname}' (unknown location)"),
        };
        Err(self.new_import_error(self.types.import_error, msg, &modname))
    }

    /// IMPORT_STAR: the names in `__all__` (a sequence of str), or else the public
    /// names of `__dict__`; `m` may be any object a program put in `sys.modules`.
    pub(crate) fn import_star(&mut self, m: Value, ns: ObjRef) -> PyResult<()> {
        let modname = match self.entry_attr(m, "__name__")? {
            Some(v) if self.as_str(v).is_some() => self.str_lossy(v),
            _ => "<unknown module name>".to_string(),
        };
        let (names, from_all) = match self.entry_attr(m, "__all__")? {
            Some(a) => (self.sequence_items(a)?, true),
            None => {
                let d = match m {
                    Value::Obj(r) => match self.heap.kind(r) {
                        Kind::Module(md) => Some(md.dict),
                        Kind::Class(c) => Some(c.dict),
                        _ => self.instance_dict(m),
                    },
                    _ => None,
                };
                let Some(d) = d else {
                    return Err(self.new_error(
                        self.types.import_error,
                        "from-import-* object has no __dict__ and no __all__".into(),
                    ));
                };
                let keys = self.dict_items(d).into_iter().map(|(k, _)| k).collect();
                (keys, false)
            }
        };
        for n in names {
            let Some(s) = self.as_str(n) else {
                let t = self.type_name(n);
                let msg = if from_all {
                    format!("Item in {modname}.__all__ must be str, not {t}")
                } else {
                    format!("Key in {modname}.__dict__ must be str, not {t}")
                };
                return Err(self.new_type_error(msg));
            };
            if !from_all && s.starts_with('_') {
                continue;
            }
            let v = self.getattr(m, n)?;
            self.dict_set(ns, n, v)?;
        }
        Ok(())
    }

    /// The items of `__all__` as CPython reads them: by index until IndexError.
    fn sequence_items(&mut self, seq: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = seq {
            if let Kind::List(v) | Kind::Tuple(v) = self.heap.kind(r) {
                return Ok(v.clone());
            }
        }
        let gi = self.names.__getitem__;
        if self.lookup_special(seq, gi).is_none() {
            let t = self.type_name(seq);
            return Err(self.new_type_error(format!("'{t}' object does not support indexing")));
        }
        let mut out = vec![];
        loop {
            match self.getitem(seq, Value::Int(out.len() as i64)) {
                Ok(v) => out.push(v),
                Err(e) if self.isinstance_ref(e.0, self.types.index_error) => return Ok(out),
                Err(e) => return Err(e),
            }
        }
    }
}

/// Where a module was found (see `Vm::locate_module`).
enum Located {
    Native(crate::NativeModuleInit),
    File {
        path: String,
        source: String,
        /// The package's directory, for a package.
        pkg_dir: Option<String>,
    },
    Frozen {
        source: &'static str,
        is_pkg: bool,
    },
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() || dir == "." {
        if dir.is_empty() {
            return name.to_string();
        }
        return format!("./{name}");
    }
    if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}
