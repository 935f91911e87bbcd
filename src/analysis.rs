//! `revpy profile LOG`, `revpy run --profile`, `revpy timeline LOG`, `revpy heap LOG`:
//! analysis over a recording (the work is in `revpy_revdb::analysis`).

use crate::driver::with_big_stack;
use crate::record;
use clap::{Arg, ArgMatches, Command};
use revpy_revdb::analysis::profile::{By, Profile, Profiler, SortKey};
use revpy_revdb::analysis::{self, flame};
use revpy_vm::effects::log::{Recording, Tail};
use std::rc::Rc;

/// The output formats of a profile.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Folded,
    Speedscope,
    Svg,
}

/// How to report a profile.
#[derive(Clone)]
pub struct ProfileOptions {
    by: By,
    format: Format,
    sort: SortKey,
    limit: Option<usize>,
    out: Option<String>,
    from: u64,
    to: u64,
}

fn time_arg(name: &'static str, help: &'static str) -> Arg {
    Arg::new(name)
        .long(name)
        .value_name("TIME")
        .value_parser(clap::value_parser!(u64).range(1..))
        .help(help)
}

/// The options shared by `revpy profile` and `revpy run --profile`.
pub fn profile_args() -> Vec<Arg> {
    vec![
        Arg::new("by")
            .long("by")
            .value_name("function|line")
            .value_parser(["function", "line"])
            .help("One row (or flame graph frame) per function, or per line [default: function]"),
        Arg::new("format")
            .long("format")
            .value_name("FORMAT")
            .value_parser(["text", "folded", "speedscope", "svg"])
            .help("text (cProfile's table), folded (flamegraph.pl/inferno stacks), speedscope (JSON), svg (a flame graph) [default: text]"),
        Arg::new("sort")
            .long("sort")
            .value_name("KEY")
            .value_parser(["cumulative", "cumtime", "tottime", "self", "calls", "ncalls", "hits", "name", "line"])
            .help("Order of the text table: cumulative (with callees), tottime (own), calls, name [default: cumulative]"),
        Arg::new("limit")
            .long("limit")
            .value_name("N")
            .value_parser(clap::value_parser!(usize))
            .help("At most N rows of the text table"),
        Arg::new("output")
            .short('o')
            .long("output")
            .value_name("FILE")
            .help("Write the profile to FILE (default: standard output)"),
    ]
}

fn profile_options(m: &ArgMatches, timed: bool) -> ProfileOptions {
    let s = |k: &str| m.get_one::<String>(k).map(|s| s.as_str());
    ProfileOptions {
        by: if s("by") == Some("line") {
            By::Line
        } else {
            By::Function
        },
        format: match s("format") {
            Some("folded") => Format::Folded,
            Some("speedscope") => Format::Speedscope,
            Some("svg") => Format::Svg,
            _ => Format::Text,
        },
        sort: s("sort")
            .and_then(SortKey::parse)
            .unwrap_or(SortKey::Cumulative),
        limit: m.get_one::<usize>("limit").copied(),
        out: m.get_one::<String>("output").cloned(),
        from: if timed {
            m.get_one::<u64>("from").copied().unwrap_or(1)
        } else {
            1
        },
        to: if timed {
            m.get_one::<u64>("to").copied().unwrap_or(u64::MAX)
        } else {
            u64::MAX
        },
    }
}

pub fn profile_cmd() -> Command {
    Command::new("profile")
        .about("Profile a recording: exact instruction counts per function or line, folded stacks, speedscope JSON, a flame graph")
        .args(profile_args())
        .arg(time_arg("from", "Count from this stop point on (as `go TIME`)"))
        .arg(time_arg("to", "Count up to this stop point"))
        .arg(Arg::new("log").required(true))
}

/// Render `p` as asked; `name` is the program, `vm` has the sources it loaded.
fn render(p: &Profile, o: &ProfileOptions, name: &str, vm: &revpy_vm::Vm) -> String {
    match o.format {
        Format::Text => match o.by {
            By::Function => p.text_functions(o.sort, o.limit),
            By::Line => {
                let cache = std::cell::RefCell::new(std::collections::BTreeMap::new());
                let source = |f: &str| -> Option<Rc<Vec<String>>> {
                    cache
                        .borrow_mut()
                        .entry(f.to_string())
                        .or_insert_with(|| analysis::source_lines(vm, f).map(Rc::new))
                        .clone()
                };
                p.text_lines(o.sort, o.limit, &source)
            }
        },
        Format::Folded => p.folded(o.by),
        Format::Speedscope => p.speedscope(o.by, name),
        Format::Svg => flame::svg(
            &p.stacks(o.by),
            &format!("revpy profile: {name}"),
            "instructions",
        ),
    }
}

/// Write `text` to `-o FILE` or stdout; false (said why) if it cannot.
fn emit(text: &str, out: &Option<String>, who: &str) -> bool {
    match out {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("revpy {who}: cannot write '{path}': {e}");
                false
            }
        },
        None => {
            use std::io::Write;
            let mut so = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = so.write_all(text.as_bytes());
            let _ = so.flush();
            true
        }
    }
}

/// Load a recording, warning about a bad tail; None (with the exit status) if it
/// cannot be read.
fn load(path: &str, who: &str) -> Result<Recording, u8> {
    let rec = record::load(path)?;
    if let Some(p) = record::tail_problem(path, &rec) {
        eprintln!("revpy {who}: warning: {p}");
    }
    Ok(rec)
}

fn program_name(rec: &Recording) -> String {
    rec.header
        .argv
        .first()
        .cloned()
        .unwrap_or_else(|| "<main>".into())
}

/// `revpy profile LOG ...`
pub fn profile(m: &ArgMatches) -> u8 {
    let path = m.get_one::<String>("log").cloned().unwrap_or_default();
    let opts = profile_options(m, true);
    if opts.from > opts.to {
        eprintln!(
            "revpy profile: --from {} is after --to {}",
            opts.from, opts.to
        );
        return 2;
    }
    let rec = match load(&path, "profile") {
        Ok(r) => r,
        Err(c) => return c,
    };
    with_big_stack(move || {
        let prof = Rc::new(std::cell::RefCell::new(Profiler::new(
            0, opts.from, opts.to,
        )));
        let h = prof.clone();
        let hook: revpy_vm::Hook = Rc::new(std::cell::RefCell::new(
            move |vm: &mut revpy_vm::Vm, kind| {
                h.borrow_mut().on_hook(vm, kind);
                revpy_vm::HookAction::Continue
            },
        ));
        let r = match analysis::replay_with(&rec, &revpy_stdlib::new_vm, hook, true, false) {
            Ok(r) => r,
            Err(m) => {
                eprintln!("revpy profile: {m}");
                return 1;
            }
        };
        let p = prof.borrow_mut().finish();
        let text = render(&p, &opts, &program_name(&rec), &r.vm);
        if !emit(&text, &opts.out, "profile") {
            return 1;
        }
        replay_status(&r.status, &rec, "profile")
    })
}

/// 0, or 3 (said why) when the replay did not reach the program's end.
fn replay_status(status: &Result<i32, String>, rec: &Recording, who: &str) -> u8 {
    match status {
        Ok(_) if matches!(rec.tail, Tail::Complete(_)) => 0,
        Ok(_) => 0,
        Err(m) => {
            eprintln!("revpy {who}: the replay stopped early: {m}");
            record::DIVERGED
        }
    }
}

/// `revpy run --profile FILE ARGS...`: run the program, then report its profile.
pub fn run_profiled(m: &ArgMatches, file: &str, args: &[String]) -> u8 {
    let opts = profile_options(m, false);
    let name = file.to_string();
    let program = match crate::program::Program::file(file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    crate::driver::run_live(
        program,
        args,
        {
            let (from, to) = (opts.from, opts.to);
            let chaos = m.try_get_one::<u64>("chaos").ok().flatten().copied();
            move |vm| {
                vm.threads.chaos_request = chaos;
                Profiler::install(vm, from, to)
            }
        },
        move |vm, prof, status| {
            vm.hook = None;
            vm.effects.flush();
            let p = prof.borrow_mut().finish();
            let text = render(&p, &opts, &name, vm);
            if !emit(&text, &opts.out, "run") {
                return 1;
            }
            status
        },
    )
}

pub fn timeline_cmd() -> Command {
    Command::new("timeline")
        .about("List the events of a recording with their times: calls, exceptions, effects, collections")
        .arg(
            Arg::new("kind")
                .long("kind")
                .value_name("KIND,...")
                .help("Which events: call, exception, effect (= output, input, io, clock, random, env), gc, end, all [default: exception,effect,gc,end, and call with --calls]"),
        )
        .arg(
            Arg::new("calls")
                .long("calls")
                .value_name("FUNC,...")
                .help("List the calls (and returns) of these functions (names as for `break`)"),
        )
        .arg(
            Arg::new("grep")
                .long("grep")
                .value_name("RE")
                .help("Only the events whose line matches the regular expression RE"),
        )
        .arg(
            Arg::new("json")
                .long("json")
                .action(clap::ArgAction::SetTrue)
                .help("One JSON object a line"),
        )
        .arg(
            Arg::new("output")
                .short('o')
                .long("output")
                .value_name("FILE")
                .help("Write the timeline to FILE (default: standard output)"),
        )
        .arg(Arg::new("log").required(true))
}

/// `revpy timeline LOG ...`
pub fn timeline(m: &ArgMatches) -> u8 {
    use revpy_revdb::analysis::timeline::{Grep, Group, Timeline, TimelineOptions};
    let path = m.get_one::<String>("log").cloned().unwrap_or_default();
    let calls: Vec<String> = m
        .get_one::<String>("calls")
        .map(|s| {
            s.split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let groups = match m.get_one::<String>("kind") {
        Some(k) => {
            let mut gs = vec![];
            for w in k.split(',').map(|w| w.trim()).filter(|w| !w.is_empty()) {
                match Group::parse(w) {
                    Some(g) => gs.extend(g),
                    None => {
                        let names: Vec<&str> = Group::ALL.iter().map(|g| g.name()).collect();
                        eprintln!(
                            "revpy timeline: unknown kind '{w}' (kinds: {}, effect, all)",
                            names.join(", ")
                        );
                        return 2;
                    }
                }
            }
            gs
        }
        None => {
            let mut gs: Vec<Group> = Group::ALL
                .into_iter()
                .filter(|g| *g != Group::Call)
                .collect();
            if !calls.is_empty() {
                gs.push(Group::Call);
            }
            gs
        }
    };
    let grep = match m.get_one::<String>("grep").map(|r| Grep::new(r)) {
        None => None,
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            eprintln!("revpy timeline: bad --grep: {e}");
            return 2;
        }
    };
    let json = m.get_flag("json");
    let out = m.get_one::<String>("output").cloned();
    let rec = match load(&path, "timeline") {
        Ok(r) => r,
        Err(c) => return c,
    };
    with_big_stack(move || {
        let tl = Rc::new(std::cell::RefCell::new(Timeline::new(TimelineOptions {
            groups,
            calls,
        })));
        let h = tl.clone();
        let hook: revpy_vm::Hook = Rc::new(std::cell::RefCell::new(
            move |vm: &mut revpy_vm::Vm, kind| {
                h.borrow_mut().on_hook(vm, kind);
                revpy_vm::HookAction::Continue
            },
        ));
        let r = match analysis::replay_with(&rec, &revpy_stdlib::new_vm, hook, false, true) {
            Ok(r) => r,
            Err(m) => {
                eprintln!("revpy timeline: {m}");
                return 1;
            }
        };
        let mut tl = tl.borrow_mut();
        if let (Ok(status), Some(e)) = (&r.status, tl.events.last_mut()) {
            if e.group == Group::End {
                e.text = format!("the program ends with exit status {status}");
                e.fields.push(("status", status.to_string()));
            }
        }
        let mut text = String::new();
        for e in &tl.events {
            let line = e.line();
            if grep.as_ref().is_some_and(|re| !re.is_match(&line)) {
                continue;
            }
            text.push_str(&if json { e.json() } else { line });
            text.push('\n');
        }
        if !emit(&text, &out, "timeline") {
            return 1;
        }
        replay_status(&r.status, &rec, "timeline")
    })
}

pub fn heap_cmd() -> Command {
    Command::new("heap")
        .about("The objects alive at a time of a recording, by type; with --since, what grew and where it was created")
        .arg(time_arg("at", "The time (stop point) to look at [default: the end]"))
        .arg(time_arg(
            "since",
            "Compare with this earlier time: growth by type, and the allocation sites of the objects created since and alive at --at",
        ))
        .arg(
            Arg::new("limit")
                .long("limit")
                .value_name("N")
                .value_parser(clap::value_parser!(usize))
                .help("At most N rows per table [default: all]"),
        )
        .arg(Arg::new("log").required(true))
}

/// `revpy heap LOG [--at T] [--since T1]`
pub fn heap(m: &ArgMatches) -> u8 {
    let path = m.get_one::<String>("log").cloned().unwrap_or_default();
    let at = m.get_one::<u64>("at").copied();
    let since = m.get_one::<u64>("since").copied();
    let limit = m.get_one::<usize>("limit").copied();
    let rec = match load(&path, "heap") {
        Ok(r) => r,
        Err(c) => return c,
    };
    with_big_stack(move || {
        let mut engine = match revpy_revdb::Engine::open(rec, Box::new(revpy_stdlib::new_vm)) {
            Ok(e) => e,
            Err(m) => {
                eprintln!("revpy heap: {m}");
                return 1;
            }
        };
        let at = match at.or_else(|| engine.end_time()) {
            Some(t) => t,
            None => {
                eprintln!("revpy heap: the recording has no end to look at (give --at TIME)");
                return 1;
            }
        };
        let text = match since {
            None => engine.heap_census(Some(at)).map(|c| c.text(limit)),
            Some(t1) => engine.heap_diff(t1, at).map(|d| d.text(limit)),
        };
        match text {
            Ok(t) => {
                print!("{t}");
                0
            }
            Err(e) => {
                eprintln!("revpy heap: {e}");
                1
            }
        }
    })
}
