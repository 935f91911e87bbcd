//! The command table: every debugger command once, with everything said about it.
//! Dispatch (`Shell::execute`), `help`, `help CMD`, tab completion and the
//! reference `docs/revdb-commands.md` are all made from `COMMANDS`.
//!
//! To add a command: write its handler, `fn(&mut Shell, &Call)`, in the file of its
//! kind (`motion_cmds.rs`, `inspect_cmds.rs`, `break_cmds.rs`, `help.rs` for the
//! session's own), add a `Command` to `COMMANDS`, and regenerate the reference and
//! the `help` transcript with
//! `REVPY_BLESS=1 cargo test --test revdb -- command_reference transcript::help`.

use super::{
    break_cmds as brk, heap_cmds, help, inspect_cmds as look, motion_cmds as mv, pdb_cmds as pdb,
    Call, Shell,
};

/// One debugger command.
pub struct Command {
    /// The canonical name first, then its aliases (gdb's `reverse-*` names among
    /// them; `help` lists those under the canonical name only).
    pub names: &'static [&'static str],
    /// The argument syntax, "" when it takes none. `*** usage: NAME SYNOPSIS` is
    /// what a handler says about a missing or bad argument (see `Shell::usage`).
    pub synopsis: &'static str,
    /// One line, for `help`: a motion starts with "Forward" or "Back".
    pub summary: &'static str,
    /// More, for `help CMD` and the reference: sentences, wrapped when shown;
    /// "\n\n" starts a new paragraph. May be "".
    pub details: &'static str,
    pub kind: Kind,
    /// What Tab offers for the argument.
    pub completion: Completion,
    pub run: Handler,
}

/// A command's handler: it prints with `Shell::say`/`Shell::err`.
pub type Handler = fn(&mut Shell, &Call);

/// The groups of the reference, in its order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Moves through time. An empty line repeats the last motion.
    Motion,
    /// Looks at the state at the current time (never changes the replay).
    Inspect,
    /// Breakpoints and watchpoints.
    Points,
    /// The session itself.
    Session,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Motion, Kind::Inspect, Kind::Points, Kind::Session];

    pub fn title(self) -> &'static str {
        match self {
            Kind::Motion => "Moving through time",
            Kind::Inspect => "Looking at the current time",
            Kind::Points => "Breakpoints and watchpoints",
            Kind::Session => "The session",
        }
    }
}

/// What tab completion offers after a command's name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Completion {
    /// Nothing (a number, or no argument).
    Nothing,
    /// Names visible in the selected frame, builtins, and `$N` anchors.
    Expression,
    /// The program's functions and methods, its file name (`FILE:LINE`), and after
    /// `if`, an expression.
    Breakpoint,
    /// The numbers of the breakpoints and watchpoints.
    PointNumber,
    /// `info`'s topics (`INFO_TOPICS`).
    InfoTopic,
    /// Command names.
    Command,
}

/// `info`'s topics: (name, what it shows). The handler also accepts `break`, `b`
/// and `watch` for the first two.
pub const INFO_TOPICS: &[(&str, &str)] = &[
    (
        "breakpoints",
        "the breakpoints, catchpoints and watchpoints, with their hit counts",
    ),
    (
        "watchpoints",
        "the watch expressions and their current values",
    ),
    (
        "checkpoints",
        "the times of the snapshots kept, with their estimated size",
    ),
    ("stack", "the operand stack of the selected frame"),
    ("locals", "the local names and values of the selected frame (as `locals`)"),
    ("args", "the arguments of the selected frame's function (as `args`)"),
    ("globals", "the global names and values (as `globals`)"),
    ("display", "the display expressions and their values (as `display`)"),
    (
        "output",
        "what the program had printed by the current time (its last 40 lines; `info output all`)",
    ),
    (
        "exceptions",
        "every exception raised in the recording: time, exception, where, caught by which frame or ended the program",
    ),
    ("anchors", "the $N anchors and the objects' serial numbers"),
    (
        "threads",
        "the threads: ident, name, where each is, * for the current one",
    ),
    (
        "heap",
        "the objects alive now by type (count and bytes), biggest first",
    ),
];

const COUNT: &str =
    "With COUNT, that many times (stopping early at the end, the start or an error).";

pub static COMMANDS: &[Command] = &[
    // ---- motions
    Command {
        names: &["step", "s"],
        synopsis: "[COUNT]",
        summary: "Forward one stop point, entering calls.",
        details: "A stop point is a line starting, a loop going round, a function returning (marked <<) or an exception leaving it (!!). The prompt shows the current one's number, the time.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::step,
    },
    Command {
        names: &["bstep", "bs", "reverse-step"],
        synopsis: "[COUNT]",
        summary: "Back one stop point, entering calls.",
        details: "The exact reverse of step: step then bstep comes back to the same time.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::bstep,
    },
    Command {
        names: &["next", "n"],
        synopsis: "[COUNT]",
        summary: "Forward to the next stop point in this frame (or its caller), skipping calls.",
        details: COUNT,
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::next,
    },
    Command {
        names: &["bnext", "bn", "reverse-next"],
        synopsis: "[COUNT]",
        summary: "Back to the previous stop point in this frame (or its caller), skipping calls.",
        details: COUNT,
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::bnext,
    },
    Command {
        names: &["nthread", "nt"],
        synopsis: "",
        summary: "Forward to the next thread switch (the first stop point of another thread).",
        details: "Motions (step, next, finish and their backward twins) stay in the current thread; nthread and bthread cross to the others.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::nthread,
    },
    Command {
        names: &["bthread"],
        synopsis: "",
        summary: "Back to the previous thread switch (the last stop point of another thread).",
        details: "",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::bthread,
    },
    Command {
        names: &["thread"],
        synopsis: "[N]",
        summary: "Forward to the next stop point of thread N (or its last one), or show the current thread.",
        details: "N is the thread's ident, as `info threads` lists them (1 is the main thread). Stop points of every thread are on one timeline; `bt`, `p` and the motions then follow thread N.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::thread,
    },
    Command {
        names: &["finish", "f"],
        synopsis: "",
        summary: "Forward to where the current function returns.",
        details: "It stops at the function's return (<<) or at the exception leaving it (!!).",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::finish,
    },
    Command {
        names: &["bfinish", "bf", "reverse-finish"],
        synopsis: "",
        summary: "Back to where the current function was called.",
        details: "It stops at the caller's line that made the call.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::bfinish,
    },
    Command {
        names: &["continue", "c", "cont"],
        synopsis: "",
        summary: "Forward to the next breakpoint or watchpoint hit, or the end.",
        details: "A watchpoint stops at the stop point after the line that changed its value (`updating watchpoint value: EXPR => NEW`).",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::cont,
    },
    Command {
        names: &["bcontinue", "bc", "reverse-continue"],
        synopsis: "",
        summary: "Back to the previous breakpoint or watchpoint hit, or the start.",
        details: "A watchpoint stops at the line that changed its value (with the value before it). It searches the intervals between checkpoints, latest first, printing [searching A..B] as it goes; Ctrl-C interrupts the search and leaves the position where it was.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::bcont,
    },
    Command {
        names: &["stepi", "si"],
        synopsis: "[COUNT]",
        summary: "Forward one bytecode instruction.",
        details: "The prompt then shows the time and the instruction count within it (see dis).",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::stepi,
    },
    Command {
        names: &["bstepi", "bsi", "reverse-stepi"],
        synopsis: "[COUNT]",
        summary: "Back one bytecode instruction.",
        details: COUNT,
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::bstepi,
    },
    Command {
        names: &["go"],
        synopsis: "TIME | end | start",
        summary: "Jump to a time (breakpoints ignored).",
        details: "TIME is a stop point number, 1 or more, as the prompt shows it. Before the end is known, a time past it goes to the end; after, it is an error. `go end` goes to the program's last stop point, `go start` to time 1.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: mv::go,
    },
    Command {
        names: &["until", "unt"],
        synopsis: "[LINE]",
        summary: "Forward to a line of this frame below the current one (or to LINE), or to where the frame returns.",
        details: "As pdb's until: it runs a loop to its end. With LINE, it stops at the first line of this frame at or after LINE.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: pdb::until,
    },
    Command {
        names: &["buntil", "bunt", "reverse-until"],
        synopsis: "[LINE]",
        summary: "Back to a line of this frame above the current one (or to LINE), or to where the frame was called.",
        details: "The reverse of until: back out of a loop to the line before it.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: pdb::buntil,
    },
    Command {
        names: &["restart", "run"],
        synopsis: "",
        summary: "Back to the start of the program (go 1).",
        details: "Nothing is run again: the recording is replayed.",
        kind: Kind::Motion,
        completion: Completion::Nothing,
        run: pdb::restart,
    },
    Command {
        names: &["last"],
        synopsis: "[-f] EXPR",
        summary: "Back (-f: forward) to where the value of EXPR last changed. EXPR.attr follows the object EXPR.",
        details: "EXPR is evaluated with builtins and $N anchors, as a watch expression; for `last a.b.attr` the object a.b is anchored first, so the search follows that object, not the name.",
        kind: Kind::Motion,
        completion: Completion::Expression,
        run: mv::last,
    },
    // ---- looking
    Command {
        names: &["print", "p"],
        synopsis: "EXPR",
        summary: "Evaluate EXPR in the selected frame; objects of the program are bound to $N.",
        details: "The evaluation runs on a copy of the program's state: what it changes vanishes when time moves, and I/O inside it is refused. $N then names the same object at any time; objects made by the evaluation itself get no $N. An evaluation stops after 50M instructions.",
        kind: Kind::Inspect,
        completion: Completion::Expression,
        run: look::print,
    },
    Command {
        names: &["!"],
        synopsis: "STMT",
        summary: "Execute a statement in the selected frame (its effects vanish when time moves).",
        details: "Written right after the !, as in `!x = 3`. Like print, it runs on a copy and cannot do I/O.",
        kind: Kind::Inspect,
        completion: Completion::Expression,
        run: look::exec,
    },
    Command {
        names: &["pp"],
        synopsis: "EXPR",
        summary: "Print the whole value of EXPR, pretty-printed (print shortens long values).",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Expression,
        run: pdb::pp,
    },
    Command {
        names: &["whatis"],
        synopsis: "EXPR",
        summary: "Print the type of EXPR.",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Expression,
        run: pdb::whatis,
    },
    Command {
        names: &["args", "a"],
        synopsis: "",
        summary: "The arguments of the selected frame's function and their values.",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: pdb::args,
    },
    Command {
        names: &["retval", "rv"],
        synopsis: "",
        summary: "The value the function returns, at a return stop (<<, where finish lands).",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: pdb::retval,
    },
    Command {
        names: &["display"],
        synopsis: "[EXPR]",
        summary: "Show EXPR now and after every motion that changes its value (alone: list them).",
        details: "Shown as `display N: EXPR = value`, evaluated in the selected frame.",
        kind: Kind::Inspect,
        completion: Completion::Expression,
        run: pdb::display,
    },
    Command {
        names: &["undisplay"],
        synopsis: "[N]",
        summary: "Stop showing display N (alone: all of them).",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: pdb::undisplay,
    },
    Command {
        names: &["backtrace", "bt", "where", "w"],
        synopsis: "",
        summary: "Show the stack, most recent call last.",
        details: "The selected frame is marked with >.",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: look::backtrace,
    },
    Command {
        names: &["up", "u"],
        synopsis: "[COUNT]",
        summary: "Select the calling frame.",
        details: "print, !, list, locals and the others then look at that frame; moving in time selects the innermost frame again.",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: look::up,
    },
    Command {
        names: &["down", "d"],
        synopsis: "[COUNT]",
        summary: "Select the called frame.",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: look::down,
    },
    Command {
        names: &["list", "l"],
        synopsis: "[. | LINE | FIRST,LAST]",
        summary: "Show the source around the current line; again, the lines after.",
        details: "Five lines either side of the selected frame's line, which is marked. Repeated, it goes on where the last listing stopped; `l .` lists around the current line again, `l LINE` around LINE, `l FIRST,LAST` those lines (LAST smaller than FIRST: a count).",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: look::list,
    },
    Command {
        names: &["ll", "longlist"],
        synopsis: "",
        summary: "Show the whole current function.",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: look::longlist,
    },
    Command {
        names: &["locals"],
        synopsis: "",
        summary: "Local names and values of the selected frame.",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: look::locals,
    },
    Command {
        names: &["globals"],
        synopsis: "",
        summary: "Global names and values of the selected frame.",
        details: "",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: look::globals,
    },
    Command {
        names: &["heap"],
        synopsis: "[ROWS | diff T1 T2 | path $N]",
        summary: "The objects alive now by type; what grew between two times and where it was created; why an object is alive.",
        details: "Alone, as info heap: objects and bytes by type (bytes as the collector counts them), counting only what is reachable, the 20 biggest types (ROWS: that many). `heap diff T1 T2` lists the types that grew from time T1 to T2 and the allocation sites (file:line:function) of the objects created in between and still alive at T2: where a leak comes from. T1 and T2 are times, `.` (now), `start` or `end`. `heap path $N` (or `$#SERIAL`) shows a chain of references from a root (a local of a frame, a module, the builtins) to the object: why it is still alive. The position does not change.",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: heap_cmds::heap,
    },
    Command {
        names: &["dis"],
        synopsis: "",
        summary: "Disassemble the current function, marking the current instruction with -->.",
        details: "In the format of `revpy dis`; stepi and bstepi move one instruction.",
        kind: Kind::Inspect,
        completion: Completion::Nothing,
        run: look::dis,
    },
    // ---- breakpoints and watchpoints
    Command {
        names: &["break", "b"],
        synopsis: "[FUNC | Class.method | module.func | FILE:LINE | LINE] [if COND | , COND]",
        summary: "Set a breakpoint (alone: list them).",
        details: "FUNC and Class.method stop at the first line of the function; module.func names the module by its file; FILE is a path, or its end, or a base name; LINE alone is a line of the main program. With `if COND` (or pdb's `, COND`), it stops only where COND (evaluated in the frame) is true; a condition that raises stops and says so. Breakpoints stop continue and bcontinue alike.",
        kind: Kind::Points,
        completion: Completion::Breakpoint,
        run: brk::breakpoint,
    },
    Command {
        names: &["tbreak"],
        synopsis: "FUNC | Class.method | FILE:LINE | LINE [if COND]",
        summary: "Set a one-shot breakpoint.",
        details: "Like break, but it is deleted at its first hit.",
        kind: Kind::Points,
        completion: Completion::Breakpoint,
        run: brk::tbreak,
    },
    Command {
        names: &["watch"],
        synopsis: "EXPR",
        summary: "Watch EXPR (builtins and $N anchors only): stop where its repr changes.",
        details: "Not the locals of whatever frame is current: bind an object with print first and watch `$0.value`. Watch expressions of the form $N.attr read the attribute without running code; others run at every stop point on a throwaway copy.",
        kind: Kind::Points,
        completion: Completion::Expression,
        run: brk::watch,
    },
    Command {
        names: &["delete", "del"],
        synopsis: "[N]",
        summary: "Delete breakpoint, watchpoint or catchpoint N (alone: all of them).",
        details: "Breakpoints and watchpoints share one numbering (info breakpoints, info watchpoints).",
        kind: Kind::Points,
        completion: Completion::PointNumber,
        run: brk::delete,
    },
    Command {
        names: &["disable"],
        synopsis: "N",
        summary: "Disable breakpoint, watchpoint or catchpoint N.",
        details: "It stays listed, and enable brings it back.",
        kind: Kind::Points,
        completion: Completion::PointNumber,
        run: brk::disable,
    },
    Command {
        names: &["enable"],
        synopsis: "N",
        summary: "Enable breakpoint, watchpoint or catchpoint N.",
        details: "",
        kind: Kind::Points,
        completion: Completion::PointNumber,
        run: brk::enable,
    },
    Command {
        names: &["catch"],
        synopsis: "raise [TYPE ...] | uncaught",
        summary: "Stop continue and bcontinue where an exception (of TYPE, or a subclass) is raised, or where the one that ends the program is.",
        details: "Numbered with the breakpoints (info breakpoints, disable N, enable N, delete N). A hit stops where the exception is raised (TIME.N: the frame at the raising instruction, its locals as they were; bt ends with the exception) and says `Exception raised: Type: message`. TYPE is the name of a class or of any of its bases (`catch raise LookupError` stops at a KeyError); no TYPE: every exception. A bare `raise` or the end of a `finally` goes on with the same exception and does not stop again. `catch uncaught` stops where the exception that ends the program is raised. info exceptions lists every exception of the recording.",
        kind: Kind::Points,
        completion: Completion::Nothing,
        run: brk::catch,
    },
    Command {
        names: &["trace"],
        synopsis: "FUNC | FILE:LINE | LINE EXPR[, EXPR...]",
        summary: "Without moving, one line per time that place ran in the whole recording, with the values of EXPRs there.",
        details: "Printf debugging after the fact: `[TIME] FILE:LINE EXPR = value, ...`, then how many times it ran. The program is not run again: the recording is replayed from the start, and the position does not change. Then `go TIME` goes to any of those times.",
        kind: Kind::Points,
        completion: Completion::Breakpoint,
        run: pdb::trace,
    },
    Command {
        names: &["clear", "cl"],
        synopsis: "[N | FUNC | FILE:LINE | LINE]",
        summary: "Delete breakpoint N, or the breakpoints at a place (alone: every breakpoint).",
        details: "",
        kind: Kind::Points,
        completion: Completion::Breakpoint,
        run: pdb::clear,
    },
    Command {
        names: &["condition"],
        synopsis: "N [COND]",
        summary: "Set breakpoint N's condition (no COND: remove it).",
        details: "N may be a catchpoint: its condition is evaluated in the frame raising the exception.",
        kind: Kind::Points,
        completion: Completion::PointNumber,
        run: pdb::condition,
    },
    Command {
        names: &["ignore"],
        synopsis: "N [COUNT]",
        summary: "Let continue pass breakpoint N COUNT times before it stops again.",
        details: "N may be a catchpoint. Only forward motions count crossings; backward ones stop at every hit.",
        kind: Kind::Points,
        completion: Completion::PointNumber,
        run: pdb::ignore,
    },
    Command {
        names: &["commands"],
        synopsis: "[N]",
        summary: "Give breakpoint N (default: the last one) commands to run at each hit, one a line, then `end`.",
        details: "`silent` as the first one hides the hit and the position. A motion among them ends the list (the rest are not run), as in pdb. N may be a catchpoint.",
        kind: Kind::Points,
        completion: Completion::PointNumber,
        run: pdb::commands,
    },
    // ---- the session
    Command {
        names: &["layout"],
        synopsis: "",
        summary: "Open the dashboard: source, locals, stack, bytecode, output and the command line.",
        details: "As `revpy debug --tui`. Keys: F10 next, F11 step, Shift+F11 finish, F5 continue, and with Ctrl the reverse twins; any command can be typed; Ctrl-D leaves the dashboard (back to this shell).",
        kind: Kind::Session,
        completion: Completion::Nothing,
        run: pdb::layout,
    },
    Command {
        names: &["source"],
        synopsis: "FILE",
        summary: "Run the debugger commands in FILE, one a line.",
        details: "",
        kind: Kind::Session,
        completion: Completion::Nothing,
        run: pdb::source,
    },
    Command {
        names: &["alias"],
        synopsis: "[NAME [COMMAND]]",
        summary: "Make NAME run COMMAND (%1, %2... the words after NAME, %* all of them); alone: list the aliases.",
        details: "",
        kind: Kind::Session,
        completion: Completion::Nothing,
        run: pdb::alias,
    },
    Command {
        names: &["unalias"],
        synopsis: "NAME",
        summary: "Remove an alias.",
        details: "",
        kind: Kind::Session,
        completion: Completion::Nothing,
        run: pdb::unalias,
    },
    Command {
        names: &["info"],
        synopsis: "[TOPIC]",
        summary: "Information about the session.",
        details: "",
        kind: Kind::Session,
        completion: Completion::InfoTopic,
        run: look::info,
    },
    Command {
        names: &["help", "h"],
        synopsis: "[CMD]",
        summary: "List the commands, or describe one.",
        details: "",
        kind: Kind::Session,
        completion: Completion::Command,
        run: help::help,
    },
    Command {
        names: &["quit", "q", "exit"],
        synopsis: "",
        summary: "Leave the debugger.",
        details: "Ctrl-D does too.",
        kind: Kind::Session,
        completion: Completion::Nothing,
        run: help::quit,
    },
];

/// The command called `name` (its canonical name or an alias).
pub fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.names.contains(&name))
}

impl Command {
    pub fn name(&self) -> &'static str {
        self.names[0]
    }
}
