//! The program to run: a file, a `-c` command, a `-m` module or standard input,
//! with the names CPython gives each (`sys.argv[0]`, the file name in tracebacks,
//! `sys.path[0]`).

use crate::driver::read_source;
use std::io::Read;

/// A main program and where it came from.
pub struct Program {
    /// `sys.argv[0]`: the path as given, `-c`, or `-` (`''` for piped input).
    pub argv0: String,
    /// The name its code is compiled under (tracebacks, `__file__`).
    pub file: String,
    pub source: String,
    /// `sys.path[0]`: the file's directory, `''` for a command or standard input.
    pub dir: String,
    /// The default recording's name (`record` without `-o`).
    pub log_name: String,
}

impl Program {
    /// A script file (CPython's messages when it cannot be read).
    pub fn file(path: &str) -> Result<Program, u8> {
        let source = read_source(path)?;
        let dir = std::path::Path::new(path)
            .parent()
            .map(|p| p.to_string_lossy().to_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| ".".to_string());
        Ok(Program {
            argv0: path.to_string(),
            file: path.to_string(),
            source,
            dir,
            log_name: crate::record::default_log_name(path),
        })
    }

    /// `-c COMMAND`.
    pub fn command(cmd: &str) -> Program {
        Program {
            argv0: "-c".into(),
            file: revpy_vm::effects::log::main_file_name("-c"),
            source: cmd.to_string(),
            dir: String::new(),
            log_name: "command.revlog".into(),
        }
    }

    /// `-m MODULE`: as CPython, `runpy` finds the module (a file on `sys.path`, the
    /// current directory first, or a bundled one) and runs it as `__main__`, with
    /// its file name as `sys.argv[0]`.
    pub fn module(name: &str) -> Program {
        Program {
            argv0: "-m".into(),
            file: revpy_vm::effects::log::main_file_name("-m"),
            // No names are bound in `__main__`: the module runs in its namespace.
            source: format!("__import__('runpy')._run_module_as_main({name:?})\n"),
            dir: String::new(),
            log_name: format!("{}.revlog", name.rsplit('.').next().unwrap_or(name)),
        }
    }

    /// The whole of standard input (`revpy -`, or piped into `revpy`): `argv0` is
    /// `-` or `''`, as CPython's.
    pub fn stdin(argv0: &str) -> Result<Program, u8> {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("revpy: cannot read the program from standard input: {e}");
            return Err(2);
        }
        let Ok(source) = String::from_utf8(bytes) else {
            eprintln!("SyntaxError: Non-UTF-8 code in file '<stdin>'");
            return Err(1);
        };
        Ok(Program {
            argv0: argv0.to_string(),
            file: revpy_vm::effects::log::main_file_name(argv0),
            source,
            dir: String::new(),
            log_name: "stdin.revlog".into(),
        })
    }

    /// `sys.argv`: `argv0` then the program's arguments.
    pub fn argv(&self, args: &[String]) -> Vec<String> {
        let mut argv = vec![self.argv0.clone()];
        argv.extend_from_slice(args);
        argv
    }
}
