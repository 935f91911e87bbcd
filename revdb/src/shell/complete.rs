//! Tab completion: command names, then what the command's table entry says it
//! takes (`commands::Completion`). It only reads the current state.

use super::commands::{self, Completion, COMMANDS, INFO_TOPICS};
use super::Shell;
use std::cell::RefCell;
use std::rc::Rc;

impl Shell {
    /// What Tab offers at byte `pos` of `line`: (where the replaced word starts,
    /// the candidates, sorted).
    pub fn completions(&mut self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let Some(head) = line.get(..pos) else {
            return (pos, vec![]);
        };
        let body = head.trim_start();
        let (kind, arg) = if let Some(stmt) = body.strip_prefix('!') {
            (Completion::Expression, stmt)
        } else {
            match body.find(char::is_whitespace) {
                None => (Completion::Command, body),
                Some(i) => match commands::find(&body[..i]) {
                    Some(c) => (c.completion, &body[i..]),
                    None => return (pos, vec![]),
                },
            }
        };
        let word_start = |is_word: fn(char) -> bool| {
            let len: usize = arg
                .chars()
                .rev()
                .take_while(|c| is_word(*c))
                .map(char::len_utf8)
                .sum();
            &arg[arg.len() - len..]
        };
        let (word, words) = match kind {
            Completion::Nothing => return (pos, vec![]),
            Completion::Command => (
                word_start(|c| !c.is_whitespace()),
                COMMANDS
                    .iter()
                    .flat_map(|c| c.names.iter().map(|n| n.to_string()))
                    .collect(),
            ),
            Completion::InfoTopic => (
                word_start(|c| !c.is_whitespace()),
                INFO_TOPICS.iter().map(|(t, _)| t.to_string()).collect(),
            ),
            Completion::PointNumber => {
                let e = &self.engine;
                let ids = e.breakpoints.iter().map(|b| b.id);
                let ids = ids.chain(e.watchpoints.iter().map(|w| w.id));
                let ids = ids.chain(e.catchpoints.iter().map(|c| c.id));
                (
                    word_start(|c| !c.is_whitespace()),
                    ids.map(|i| i.to_string()).collect(),
                )
            }
            Completion::Breakpoint if !arg.contains(" if ") => {
                (word_start(|c| !c.is_whitespace()), self.breakpoint_words())
            }
            Completion::Breakpoint | Completion::Expression => {
                let word = word_start(|c| c.is_alphanumeric() || c == '_' || c == '$');
                let before = &arg[..arg.len() - word.len()];
                if before.ends_with('.') {
                    // An attribute: that would need evaluating.
                    return (pos, vec![]);
                }
                (word, self.expression_words())
            }
        };
        let mut c: Vec<String> = words.into_iter().filter(|w| w.starts_with(word)).collect();
        c.sort();
        c.dedup();
        (pos - word.len(), c)
    }

    /// Names visible in the selected frame (locals, globals, builtins) and the
    /// `$N` anchors.
    fn expression_words(&self) -> Vec<String> {
        let e = &self.engine;
        let vm = &e.cur.vm;
        let mut out: Vec<String> = (0..e.anchors.serials.len())
            .map(|i| format!("${i}"))
            .collect();
        let mut dicts = vec![vm.builtins];
        if let Some(i) = e.frame_index() {
            let f = &vm.frames[i];
            dicts.push(f.globals);
            match f.locals {
                Some(l) => dicts.push(l),
                None => {
                    let c = &f.code.code;
                    for (k, name) in c.varnames.iter().enumerate() {
                        if vm
                            .stack
                            .get(f.base as usize + k)
                            .is_some_and(|v| !v.is_undef())
                        {
                            out.push(name.to_string());
                        }
                    }
                    for k in 0..c.cellvars.len() + c.freevars.len() {
                        out.push(c.cell_name(k).to_string());
                    }
                }
            }
        }
        for d in dicts {
            for (k, _) in vm.dict_items(d) {
                if let Some(name) = vm.as_str(k) {
                    out.push(name.to_string());
                }
            }
        }
        out
    }

    /// The main program's functions and methods (`FUNC`, `Class.method`) and its
    /// file (`FILE:`).
    fn breakpoint_words(&mut self) -> Vec<String> {
        let program = &self.engine.program;
        let names = self.function_names.get_or_insert_with(|| {
            let mode = revpy_compiler::CompileMode::Module;
            let Ok(code) = revpy_compiler::compile(&program.source, &program.file, mode) else {
                return vec![];
            };
            let mut all = vec![];
            code.walk(&mut all);
            all.iter()
                .map(|c| c.qualname.to_string())
                .filter(|q| !q.contains('<'))
                .collect()
        });
        let mut words = names.clone();
        words.push(format!("{}:", program.file));
        words
    }
}

/// The line editor's helper: completion from the shell it drives.
pub(super) struct Helper(pub(super) Rc<RefCell<Shell>>);

impl rustyline::completion::Completer for Helper {
    type Candidate = String;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(match self.0.try_borrow_mut() {
            Ok(mut sh) => sh.completions(line, pos),
            Err(_) => (pos, vec![]),
        })
    }
}
impl rustyline::hint::Hinter for Helper {
    type Hint = String;
}
impl rustyline::highlight::Highlighter for Helper {}
impl rustyline::validate::Validator for Helper {}
impl rustyline::Helper for Helper {}
