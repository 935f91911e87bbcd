//! The deterministic profiler: exact instruction counts per function and per line,
//! with and without callees, and the call tree for flame graphs.
//!
//! It runs as the VM's debugger hook with `step_instructions` set, so it sees every
//! instruction: at each hook call, the instructions executed since the last one
//! (`Vm::instructions`) belong to the instruction the innermost frame is positioned
//! at. A shadow stack follows `Vm::frames`: a frame is left after a `Return` or
//! `ExceptionExit` hook, or after executing YIELD_VALUE; anything else that changed
//! the stack is found by comparing it with the shadow (code object and stack base).
//!
//! A call is a frame starting at its first instruction; a generator resumed later
//! is not a new call (its instructions count as the generator's, under whoever
//! resumed it). Cumulative counts are taken once per recursion, as cProfile does:
//! a function's (or line's) count including callees grows only while its
//! outermost activation runs. Calls whose function was not already running are
//! "primitive" (cProfile's `ncalls` shows `total/primitive` when they differ).

use revpy_compiler::opcodes::Op;
use revpy_vm::object::CodeData;
use revpy_vm::{Hook, HookAction, StopKind, Vm};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// What rows a report has: one per function or one per line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Function,
    Line,
}

/// The order of a text report (cProfile's sort keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Instructions including callees, most first (cProfile's `cumulative`).
    Cumulative,
    /// Instructions of the function (line) itself, most first (`tottime`).
    Own,
    /// Calls (line hits), most first (`ncalls`).
    Calls,
    /// By file and line (`filename`, `line`).
    Name,
}

impl SortKey {
    pub fn parse(s: &str) -> Option<SortKey> {
        Some(match s {
            "cumulative" | "cumtime" | "cum" => SortKey::Cumulative,
            "tottime" | "time" | "self" => SortKey::Own,
            "calls" | "ncalls" | "hits" => SortKey::Calls,
            "name" | "filename" | "file" | "line" => SortKey::Name,
            _ => return None,
        })
    }
    fn describe(self, by: By) -> &'static str {
        match (self, by) {
            (SortKey::Cumulative, _) => "instructions including callees",
            (SortKey::Own, _) => "own instructions",
            (SortKey::Calls, By::Function) => "calls",
            (SortKey::Calls, By::Line) => "hits",
            (SortKey::Name, _) => "file and line",
        }
    }
}

const NO_LINE: u32 = u32::MAX;
const ROOT: u32 = 0;

/// A code object seen running, with its counts.
struct Code {
    code: Rc<CodeData>,
    /// The index in `lines` of each instruction's line.
    pc_line: Vec<u32>,
    /// The code's distinct lines, ascending.
    lines: Vec<u32>,
    calls: u64,
    prim: u64,
    own: u64,
    cum: u64,
    active: u32,
    line_hits: Vec<u64>,
    line_own: Vec<u64>,
    line_cum: Vec<u64>,
    line_active: Vec<u32>,
}

impl Code {
    fn new(code: Rc<CodeData>) -> Code {
        let c = &code.code;
        let mut lines: Vec<u32> = (0..c.instrs.len()).map(|pc| c.line_of(pc)).collect();
        lines.push(c.first_line);
        lines.sort_unstable();
        lines.dedup();
        let pc_line = (0..c.instrs.len())
            .map(|pc| lines.binary_search(&c.line_of(pc)).unwrap_or(0) as u32)
            .collect();
        let n = lines.len();
        Code {
            code,
            pc_line,
            lines,
            calls: 0,
            prim: 0,
            own: 0,
            cum: 0,
            active: 0,
            line_hits: vec![0; n],
            line_own: vec![0; n],
            line_cum: vec![0; n],
            line_active: vec![0; n],
        }
    }
    fn line_at(&self, pc: usize) -> u32 {
        self.pc_line.get(pc).copied().unwrap_or(0)
    }
}

/// A frame of the shadow stack.
struct Entry {
    ptr: *const CodeData,
    base: u32,
    code: u32,
    node: u32,
    /// `counted` when the frame was entered.
    entry: u64,
    /// The line (index in the code's lines) the frame is at, and `counted` then.
    line: u32,
    line_entry: u64,
    /// The frame is being left (return, exception, yield).
    leaving: bool,
}

/// A node of the call tree: a path of code objects from the root.
struct Node {
    parent: u32,
    code: u32,
    /// Own instructions by line index of the code.
    own: Vec<u64>,
}

/// The profiler's state while the program runs (see the module doc).
pub struct Profiler {
    from: u64,
    to: u64,
    codes: Vec<Code>,
    by_ptr: HashMap<*const CodeData, u32>,
    nodes: Vec<Node>,
    children: HashMap<(u32, u32), u32>,
    stack: Vec<Entry>,
    /// `Vm::instructions` at the last hook call.
    last_ins: u64,
    /// Instructions counted (inside the window).
    counted: u64,
}

impl Profiler {
    /// A profiler counting the instructions executed at stop point times
    /// `from..=to`, for a VM whose instruction counter is now `instructions`.
    pub fn new(instructions: u64, from: u64, to: u64) -> Profiler {
        Profiler {
            from,
            to,
            codes: vec![],
            by_ptr: HashMap::new(),
            nodes: vec![Node {
                parent: ROOT,
                code: u32::MAX,
                own: vec![],
            }],
            children: HashMap::new(),
            stack: vec![],
            last_ins: instructions,
            counted: 0,
        }
    }

    /// Attach a new profiler to `vm` (its hook, every instruction). Returns it;
    /// `finish` it after the run.
    pub fn install(vm: &mut Vm, from: u64, to: u64) -> Rc<RefCell<Profiler>> {
        let p = Rc::new(RefCell::new(Profiler::new(vm.instructions, from, to)));
        let h = p.clone();
        let hook: Hook = Rc::new(RefCell::new(move |vm: &mut Vm, kind: StopKind| {
            h.borrow_mut().on_hook(vm, kind);
            HookAction::Continue
        }));
        vm.hook = Some(hook);
        vm.hooked = true;
        vm.step_instructions = true;
        p
    }

    fn in_window(&self, t: u64) -> bool {
        t >= self.from && t <= self.to
    }

    /// The hook: called at every instruction and stop point.
    pub fn on_hook(&mut self, vm: &Vm, kind: StopKind) {
        let n = vm.frames.len();
        if kind == StopKind::End {
            self.last_ins = vm.instructions;
            self.pop_all();
            return;
        }
        let same = match (self.stack.last(), vm.frames.last()) {
            (Some(t), Some(f)) => {
                n == self.stack.len()
                    && !t.leaving
                    && t.ptr == Rc::as_ptr(&f.code)
                    && t.base == f.base
            }
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.reconcile(vm);
        }
        let delta = vm.instructions.saturating_sub(self.last_ins);
        self.last_ins = vm.instructions;
        let Some(top) = self.stack.last_mut() else {
            return;
        };
        let inw = vm.stop_points >= self.from && vm.stop_points <= self.to;
        let code = &mut self.codes[top.code as usize];
        if delta > 0 {
            let pc = vm.frames[n - 1].ip as usize;
            let li = code.line_at(pc);
            if top.line != li {
                if top.line != NO_LINE {
                    let old = top.line as usize;
                    code.line_active[old] -= 1;
                    if code.line_active[old] == 0 {
                        code.line_cum[old] += self.counted - top.line_entry;
                    }
                }
                code.line_active[li as usize] += 1;
                top.line = li;
                top.line_entry = self.counted;
            }
            if inw {
                self.counted += delta;
                code.own += delta;
                code.line_own[li as usize] += delta;
                let node = &mut self.nodes[top.node as usize];
                if node.own.is_empty() {
                    node.own = vec![0; code.lines.len()];
                }
                node.own[li as usize] += delta;
            }
            if code.code.code.instrs.get(pc).map(|i| i.op) == Some(Op::YieldValue) {
                top.leaving = true;
            }
        }
        match kind {
            StopKind::Line if inw => {
                let pc = vm.frames[n - 1].ip as usize;
                let li = code.line_at(pc) as usize;
                code.line_hits[li] += 1;
            }
            StopKind::Return | StopKind::ExceptionExit => top.leaving = true,
            _ => {}
        }
    }

    /// Bring the shadow stack in line with `vm.frames`.
    fn reconcile(&mut self, vm: &Vm) {
        while self.stack.last().is_some_and(|t| t.leaving) {
            self.pop();
        }
        let n = vm.frames.len();
        let mut i = 0;
        while i < self.stack.len()
            && i < n
            && self.stack[i].ptr == Rc::as_ptr(&vm.frames[i].code)
            && self.stack[i].base == vm.frames[i].base
        {
            i += 1;
        }
        while self.stack.len() > i {
            self.pop();
        }
        let inw = self.in_window(vm.stop_points);
        for j in i..n {
            let f = &vm.frames[j];
            let top = j + 1 == n;
            let ci = self.code_index(&f.code);
            let parent = self.stack.last().map(|e| e.node).unwrap_or(ROOT);
            let node = *self.children.entry((parent, ci)).or_insert_with(|| {
                self.nodes.push(Node {
                    parent,
                    code: ci,
                    own: vec![],
                });
                self.nodes.len() as u32 - 1
            });
            let code = &mut self.codes[ci as usize];
            if top && f.ip == 0 && inw {
                code.calls += 1;
                if code.active == 0 {
                    code.prim += 1;
                }
            }
            code.active += 1;
            // A frame below the top is executing the call on the line before its ip.
            let pc = if top { f.ip } else { f.ip.saturating_sub(1) } as usize;
            let li = code.line_at(pc);
            code.line_active[li as usize] += 1;
            self.stack.push(Entry {
                ptr: Rc::as_ptr(&f.code),
                base: f.base,
                code: ci,
                node,
                entry: self.counted,
                line: li,
                line_entry: self.counted,
                leaving: false,
            });
        }
    }

    fn code_index(&mut self, code: &Rc<CodeData>) -> u32 {
        let ptr = Rc::as_ptr(code);
        if let Some(i) = self.by_ptr.get(&ptr) {
            return *i;
        }
        let i = self.codes.len() as u32;
        // Holding the Rc keeps the address from being reused by another code object.
        self.codes.push(Code::new(code.clone()));
        self.by_ptr.insert(ptr, i);
        i
    }

    fn pop(&mut self) {
        let Some(e) = self.stack.pop() else { return };
        let code = &mut self.codes[e.code as usize];
        if e.line != NO_LINE {
            let l = e.line as usize;
            code.line_active[l] -= 1;
            if code.line_active[l] == 0 {
                code.line_cum[l] += self.counted - e.line_entry;
            }
        }
        code.active -= 1;
        if code.active == 0 {
            code.cum += self.counted - e.entry;
        }
    }

    fn pop_all(&mut self) {
        while !self.stack.is_empty() {
            self.pop();
        }
    }

    /// The results (frames still running count up to now).
    pub fn finish(&mut self) -> Profile {
        self.pop_all();
        let frames: Vec<FrameInfo> = self
            .codes
            .iter()
            .map(|c| FrameInfo {
                name: c.code.code.qualname.to_string(),
                file: c.code.code.filename.to_string(),
                line: c.code.code.first_line,
            })
            .collect();
        let funcs = self
            .codes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.calls > 0 || c.own > 0 || c.cum > 0)
            .map(|(i, c)| FuncRow {
                frame: i,
                calls: c.calls,
                prim: c.prim,
                own: c.own,
                cum: c.cum,
            })
            .collect();
        let mut lines = vec![];
        for (i, c) in self.codes.iter().enumerate() {
            for (li, &line) in c.lines.iter().enumerate() {
                if c.line_hits[li] > 0 || c.line_own[li] > 0 || c.line_cum[li] > 0 {
                    lines.push(LineRow {
                        frame: i,
                        line,
                        hits: c.line_hits[li],
                        own: c.line_own[li],
                        cum: c.line_cum[li],
                    });
                }
            }
        }
        // The call tree, depth first in the order calls were first made.
        let mut kids: Vec<Vec<u32>> = vec![vec![]; self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate().skip(1) {
            kids[n.parent as usize].push(i as u32);
        }
        let mut samples = vec![];
        let mut path: Vec<usize> = vec![];
        let mut todo: Vec<(u32, usize)> = kids[ROOT as usize]
            .iter()
            .rev()
            .map(|&k| (k, 0usize))
            .collect();
        while let Some((ni, depth)) = todo.pop() {
            let node = &self.nodes[ni as usize];
            path.truncate(depth);
            path.push(node.code as usize);
            let code = &self.codes[node.code as usize];
            for (li, &w) in node.own.iter().enumerate() {
                if w > 0 {
                    samples.push(Sample {
                        stack: path.clone(),
                        line: code.lines[li],
                        weight: w,
                    });
                }
            }
            for &k in kids[ni as usize].iter().rev() {
                todo.push((k, depth + 1));
            }
        }
        Profile {
            total: self.counted,
            frames,
            funcs,
            lines,
            samples,
            from: self.from,
            to: self.to,
        }
    }
}

/// A function of the program (a code object).
#[derive(Clone, Debug)]
pub struct FrameInfo {
    /// Its qualified name (`Class.method`, `f.<locals>.g`, `<module>`).
    pub name: String,
    pub file: String,
    /// The line of its `def` (1 for a module).
    pub line: u32,
}

/// A function's counts.
#[derive(Clone, Debug)]
pub struct FuncRow {
    /// Index in `Profile::frames`.
    pub frame: usize,
    pub calls: u64,
    /// Calls made while the function was not already running.
    pub prim: u64,
    /// Instructions executed in the function itself.
    pub own: u64,
    /// Instructions executed while it ran, callees included (once per recursion).
    pub cum: u64,
}

/// A line's counts.
#[derive(Clone, Debug)]
pub struct LineRow {
    pub frame: usize,
    pub line: u32,
    /// Times the line started (its stop points).
    pub hits: u64,
    pub own: u64,
    pub cum: u64,
}

/// Own instructions of one call stack (outermost first) at one line of its last
/// function.
#[derive(Clone, Debug)]
pub struct Sample {
    pub stack: Vec<usize>,
    pub line: u32,
    pub weight: u64,
}

/// A finished profile.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Instructions counted.
    pub total: u64,
    pub frames: Vec<FrameInfo>,
    pub funcs: Vec<FuncRow>,
    pub lines: Vec<LineRow>,
    /// The call tree's own counts, depth first.
    pub samples: Vec<Sample>,
    pub from: u64,
    pub to: u64,
}

fn ncalls(calls: u64, prim: u64) -> String {
    if calls == prim {
        calls.to_string()
    } else {
        format!("{calls}/{prim}")
    }
}

fn per(a: u64, b: u64) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.1}", a as f64 / b as f64)
    }
}

impl Profile {
    fn place(&self, frame: usize, line: u32) -> String {
        let f = &self.frames[frame];
        format!("{}:{}({})", f.file, line, f.name)
    }

    fn header(&self, out: &mut String, sort: SortKey, by: By) {
        let calls: u64 = self.funcs.iter().map(|f| f.calls).sum();
        let prim: u64 = self.funcs.iter().map(|f| f.prim).sum();
        let window = if self.from <= 1 && self.to == u64::MAX {
            String::new()
        } else if self.to == u64::MAX {
            format!(" from stop point {}", self.from)
        } else {
            format!(" in stop points {}..{}", self.from, self.to)
        };
        out.push_str(&format!(
            "{} instructions, {} function calls ({} primitive calls){window}\n\n",
            self.total, calls, prim
        ));
        out.push_str(&format!("Ordered by: {}\n\n", sort.describe(by)));
    }

    /// cProfile's table, with instructions for seconds: `ncalls` (`total/primitive`
    /// when they differ), own instructions, per call, instructions with callees,
    /// per primitive call, `file:line(function)`. At most `limit` rows.
    pub fn text_functions(&self, sort: SortKey, limit: Option<usize>) -> String {
        let mut rows: Vec<&FuncRow> = self.funcs.iter().collect();
        let name_key = |r: &FuncRow| {
            let f = &self.frames[r.frame];
            (f.file.clone(), f.line, f.name.clone())
        };
        rows.sort_by(|a, b| {
            let k = match sort {
                SortKey::Cumulative => b.cum.cmp(&a.cum).then(b.own.cmp(&a.own)),
                SortKey::Own => b.own.cmp(&a.own).then(b.cum.cmp(&a.cum)),
                SortKey::Calls => b.calls.cmp(&a.calls).then(b.cum.cmp(&a.cum)),
                SortKey::Name => std::cmp::Ordering::Equal,
            };
            k.then_with(|| name_key(a).cmp(&name_key(b)))
        });
        let mut out = String::new();
        self.header(&mut out, sort, By::Function);
        out.push_str(&format!(
            "{:>12} {:>12} {:>10} {:>12} {:>10}  file:line(function)\n",
            "ncalls", "own", "percall", "cumulative", "percall"
        ));
        for r in rows.into_iter().take(limit.unwrap_or(usize::MAX)) {
            let f = &self.frames[r.frame];
            out.push_str(&format!(
                "{:>12} {:>12} {:>10} {:>12} {:>10}  {}\n",
                ncalls(r.calls, r.prim),
                r.own,
                per(r.own, r.calls),
                r.cum,
                per(r.cum, r.prim),
                self.place(r.frame, f.line)
            ));
        }
        out
    }

    /// One row per line: hits, own instructions, instructions with callees,
    /// `file:line(function)` and the source text (`source` gives a file's lines).
    pub fn text_lines(
        &self,
        sort: SortKey,
        limit: Option<usize>,
        source: &dyn Fn(&str) -> Option<Rc<Vec<String>>>,
    ) -> String {
        let mut rows: Vec<&LineRow> = self.lines.iter().collect();
        let name_key = |r: &LineRow| {
            let f = &self.frames[r.frame];
            (f.file.clone(), r.line, f.line, f.name.clone())
        };
        rows.sort_by(|a, b| {
            let k = match sort {
                SortKey::Cumulative => b.cum.cmp(&a.cum).then(b.own.cmp(&a.own)),
                SortKey::Own => b.own.cmp(&a.own).then(b.cum.cmp(&a.cum)),
                SortKey::Calls => b.hits.cmp(&a.hits).then(b.cum.cmp(&a.cum)),
                SortKey::Name => std::cmp::Ordering::Equal,
            };
            k.then_with(|| name_key(a).cmp(&name_key(b)))
        });
        let mut out = String::new();
        self.header(&mut out, sort, By::Line);
        out.push_str(&format!(
            "{:>10} {:>12} {:>12}  file:line(function)  source\n",
            "hits", "own", "cumulative"
        ));
        for r in rows.into_iter().take(limit.unwrap_or(usize::MAX)) {
            let f = &self.frames[r.frame];
            let text = source(&f.file)
                .and_then(|ls| ls.get(r.line as usize - 1).map(|s| s.trim().to_string()))
                .unwrap_or_default();
            out.push_str(&format!(
                "{:>10} {:>12} {:>12}  {}  {}\n",
                r.hits,
                r.own,
                r.cum,
                self.place(r.frame, r.line),
                text
            ))
        }
        out
    }

    /// A frame's name in stacks: `name (file:line)`, with `line` the `def` line
    /// (or the line executing, for the last frame of a line profile).
    pub fn label(&self, frame: usize, line: u32) -> String {
        let f = &self.frames[frame];
        // `;` separates frames in folded stacks.
        format!("{} ({}:{})", f.name, f.file, line).replace(';', ",")
    }

    /// The stacks with their own instructions: (labels outermost first, weight),
    /// sorted by their text. With `By::Line`, the last frame names its line.
    pub fn stacks(&self, by: By) -> Vec<(Vec<String>, u64)> {
        let mut merged: std::collections::BTreeMap<Vec<String>, u64> = Default::default();
        for s in &self.samples {
            let n = s.stack.len();
            let labels: Vec<String> = s
                .stack
                .iter()
                .enumerate()
                .map(|(i, &fr)| {
                    let line = if by == By::Line && i + 1 == n {
                        s.line
                    } else {
                        self.frames[fr].line
                    };
                    self.label(fr, line)
                })
                .collect();
            *merged.entry(labels).or_insert(0) += s.weight;
        }
        merged.into_iter().collect()
    }

    /// Folded stacks (flamegraph.pl, inferno): `frame;frame;frame COUNT` a line.
    pub fn folded(&self, by: By) -> String {
        let mut out = String::new();
        for (labels, w) in self.stacks(by) {
            out.push_str(&labels.join(";"));
            out.push_str(&format!(" {w}\n"));
        }
        out
    }

    /// speedscope's file format: one sampled profile whose weights are
    /// instructions, its samples the call tree's stacks depth first.
    pub fn speedscope(&self, by: By, name: &str) -> String {
        // Frames: one per function, or per (function, line) for a line profile's
        // last frames.
        let mut frames: Vec<(usize, u32)> = vec![];
        let mut index: HashMap<(usize, u32), usize> = HashMap::new();
        let mut frame_of = |fr: usize, line: u32, frames: &mut Vec<(usize, u32)>| {
            *index.entry((fr, line)).or_insert_with(|| {
                frames.push((fr, line));
                frames.len() - 1
            })
        };
        let mut samples = vec![];
        let mut weights = vec![];
        for s in &self.samples {
            let n = s.stack.len();
            let st: Vec<usize> = s
                .stack
                .iter()
                .enumerate()
                .map(|(i, &fr)| {
                    let line = if by == By::Line && i + 1 == n {
                        s.line
                    } else {
                        self.frames[fr].line
                    };
                    frame_of(fr, line, &mut frames)
                })
                .collect();
            samples.push(st);
            weights.push(s.weight);
        }
        let mut out = String::new();
        out.push_str("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",");
        out.push_str("\"shared\":{\"frames\":[");
        for (i, (fr, line)) in frames.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let f = &self.frames[*fr];
            let label = if by == By::Line && *line != f.line {
                format!("{}:{}", f.name, line)
            } else {
                f.name.clone()
            };
            out.push_str(&format!(
                "{{\"name\":{},\"file\":{},\"line\":{}}}",
                super::json_str(&label),
                super::json_str(&f.file),
                line
            ));
        }
        out.push_str("]},\"profiles\":[{\"type\":\"sampled\",");
        out.push_str(&format!(
            "\"name\":{},\"unit\":\"none\",\"startValue\":0,\"endValue\":{},",
            super::json_str(&format!("{name} (instructions)")),
            self.total
        ));
        out.push_str("\"samples\":[");
        for (i, s) in samples.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let items: Vec<String> = s.iter().map(|x| x.to_string()).collect();
            out.push_str(&format!("[{}]", items.join(",")));
        }
        out.push_str("],\"weights\":[");
        let ws: Vec<String> = weights.iter().map(|w| w.to_string()).collect();
        out.push_str(&ws.join(","));
        out.push_str("]}],");
        out.push_str(&format!(
            "\"name\":{},\"activeProfileIndex\":0,\"exporter\":\"revpy {}\"}}\n",
            super::json_str(name),
            env!("CARGO_PKG_VERSION")
        ));
        out
    }
}
