//! The interactive prompt: statements run in `__main__`, expression values are echoed.

use crate::program::Program;
use crate::repl_complete::Helper;
use revpy_compiler::{CompileMode, ErrorKind};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::Editor;
use std::cell::RefCell;
use std::io::IsTerminal;
use std::rc::Rc;

/// Whether `src`, which compiles or is incomplete, must wait for more lines
/// before it runs: a `\` continuation, or a block (a line ending with `:`, a
/// decorator) that ends only at an empty line, as CPython's prompt.
fn needs_more(src: &str) -> bool {
    let last = src.lines().last().unwrap_or("");
    if last.trim_end().ends_with('\\') {
        return true;
    }
    // A compound statement, even on one line (`if x: f()`), waits for the empty
    // line, as CPython's prompt.
    let mut words = src
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '_');
    let compound = matches!(
        words.next(),
        Some("if" | "for" | "while" | "def" | "class" | "with" | "try" | "async")
    );
    let block = compound
        || src.lines().any(|l| {
            let code = l.split('#').next().unwrap_or("").trim_end();
            code.ends_with(':') || l.trim_start().starts_with('@')
        });
    block && !src.ends_with("\n\n")
}

/// The REPL's history file, in `$HOME`.
const HISTORY_FILE: &str = ".revpy_history";

/// The prompt alone (`revpy`, `revpy -i`).
pub fn run() -> u8 {
    session(None)
}

/// `revpy -i FILE ARGS` (also `-i -c CMD`, `-i -m MOD`): the program runs in
/// `__main__`, then the prompt opens on its globals, as `python -i`; an exception
/// that ends the program, even SystemExit, is printed as a traceback first.
pub fn run_then_prompt(program: Program, args: &[String]) -> u8 {
    session(Some((program, args.to_vec())))
}

/// Run `program`'s code in `main` as a script (its `__file__` absolute, as CPython
/// makes it), printing what ends it.
fn run_program(vm: &mut revpy_vm::Vm, main: revpy_vm::ObjRef, program: &Program) {
    let code = match revpy_compiler::compile(&program.source, &program.file, CompileMode::Module) {
        Ok(c) => c,
        Err(e) => {
            crate::driver::report_compile_error(&e);
            return;
        }
    };
    vm.add_source(&program.file, &program.source);
    let path = vm
        .main_file_path(&program.file)
        .unwrap_or_else(|_| program.file.clone());
    let (key, value) = (vm.intern("__file__"), vm.new_str(path));
    let d = vm.module_dict(main);
    let _ = vm.dict_set(d, key, value);
    if let Err(e) = vm.exec_in_module(&code, main) {
        let text = vm.format_exception(e);
        vm.effects.flush();
        eprint!("{text}");
    }
    vm.effects.flush();
}

fn session(first: Option<(Program, Vec<String>)>) -> u8 {
    crate::driver::with_big_stack(move || {
        let mut vm = revpy_stdlib::new_vm();
        match &first {
            Some((p, args)) => vm.set_argv(&p.argv(args), &p.dir),
            None => vm.set_argv(&[String::new()], "."),
        }
        let main = vm.new_main_module();
        if let Some((p, _)) = &first {
            run_program(&mut vm, main, p);
        }
        // Shared with Tab completion, which looks at it between statements.
        let shared = Rc::new(RefCell::new(vm));
        // As readline: Tab completes the common prefix, a second Tab lists.
        let config = rustyline::Config::builder()
            .completion_type(rustyline::CompletionType::List)
            .build();
        let mut rl = match Editor::<Helper, DefaultHistory>::with_config(config) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("revpy: cannot start the line editor: {e}");
                return 1;
            }
        };
        rl.set_helper(Some(Helper {
            vm: shared.clone(),
            main,
        }));
        let history = revpy_revdb::history::path(HISTORY_FILE);
        if let Some(h) = &history {
            if let Err(m) = revpy_revdb::history::load(&mut rl, h) {
                eprintln!("revpy: warning: {m}");
            }
        }
        let save_history = |rl: &Editor<Helper, DefaultHistory>| {
            if let Some(h) = &history {
                if let Err(m) = revpy_revdb::history::save(rl, h) {
                    eprintln!("revpy: warning: {m}");
                }
            }
        };
        // As CPython: the banner, the prompts (when the input is not a terminal:
        // the line editor shows them only on one) and the newline at the end of
        // input go to stderr, so stdout holds only what the statements print.
        let piped = !std::io::stdin().is_terminal();
        if first.is_none() {
            eprintln!(
                "revpy {} (Python 3.11 subset). Ctrl-D to exit.",
                env!("CARGO_PKG_VERSION")
            );
        }
        let mut buf = String::new();
        loop {
            let prompt = if buf.is_empty() { ">>> " } else { "... " };
            if piped {
                eprint!("{prompt}");
            }
            match rl.readline(prompt) {
                Ok(line) => {
                    buf.push_str(&line);
                    buf.push('\n');
                    if needs_more(&buf) && !line.trim().is_empty() {
                        continue;
                    }
                    if buf.trim().is_empty() {
                        buf.clear();
                        continue;
                    }
                    let _ = rl.add_history_entry(buf.trim_end());
                    let src = std::mem::take(&mut buf);
                    let mut vm = shared.borrow_mut();
                    match revpy_compiler::compile(&src, "<stdin>", CompileMode::Interactive) {
                        Ok(code) => {
                            std::rc::Rc::make_mut(&mut vm.loaded_sources)
                                .retain(|(f, _)| f != "<stdin>");
                            vm.add_source("<stdin>", &src);
                            if let Err(e) = vm.exec_in_module(&code, main) {
                                if vm.isinstance_ref(e.0, vm.types.system_exit) {
                                    let c = match vm.handle_uncaught(e) {
                                        revpy_vm::ExitStatus::Code(c) => c,
                                        revpy_vm::ExitStatus::Aborted(_) => 1,
                                    };
                                    vm.effects.flush();
                                    save_history(&rl);
                                    return c as u8;
                                }
                                let text = vm.format_exception(e);
                                vm.effects.flush();
                                eprint!("{text}");
                            }
                            vm.effects.flush();
                        }
                        Err(e) if e.kind == ErrorKind::Syntax && e.incomplete => {
                            buf = src;
                        }
                        Err(e) => {
                            eprintln!("{e}");
                        }
                    }
                }
                Err(ReadlineError::Interrupted) => {
                    eprintln!("KeyboardInterrupt");
                    buf.clear();
                }
                Err(ReadlineError::Eof) => {
                    eprintln!();
                    save_history(&rl);
                    return 0;
                }
                Err(e) => {
                    eprintln!("revpy: cannot read the terminal: {e}");
                    save_history(&rl);
                    return 1;
                }
            }
        }
    })
}
