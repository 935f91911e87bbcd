//! Latency and memory of the reverse debugger over one recording.
//!
//! ```sh
//! cargo build --release --examples
//! target/release/revpy record -o /tmp/long_run.revlog benches/debug/long_run.py
//! target/release/examples/debug_latency /tmp/long_run.revlog [-n 30] [--seed 1]
//! ```
//!
//! It opens the recording as `revpy debug` does and drives `revpy_revdb::Engine`
//! directly, timing with `Instant`:
//! - the first `go` to the end (the forward pass that takes the first checkpoints;
//!   the end's time comes from the recording's end record);
//! - `go` to random times;
//! - `bstep` from random times (the `go` there is not timed);
//! - `bcontinue` with a watch on `$N.value`, `$N` being the global `tracker`
//!   (see `benches/debug/long_run.py`). By default each starts just before a
//!   change of the value, so the search goes back about one period of the
//!   changes (measured first with two `bcontinue`s from the end);
//!   `--bcont-from random` starts at uniformly random times instead.
//!
//! `--commands FILE` writes the engine calls made as `revpy debug` commands, so
//! `revpy debug LOG -x FILE` replays the same session in the shell.
//!
//! Every operation runs under a time limit (`--op-timeout`, default 120 s): a
//! watchdog interrupts it as Ctrl-C does in the shell. An operation category
//! stops after two timeouts. The output is human-readable, and the lines that
//! start with `RESULT` are for `benches/debug_latency.sh`.

// This drives revpy from outside (files, processes, clocks, threads): clippy.toml's
// determinism rules are for the VM.
#![allow(clippy::disallowed_methods)]

use revpy_revdb::engine::Work;
use revpy_revdb::{Engine, Event};
use revpy_vm::effects::log::Tail;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: debug_latency LOG [-n SAMPLES] [--go N] [--bstep N] [--bcont N] \
[--seed S] [--bcont-from period|random] [--op-timeout SECS] [--budget-mb MB] [--commands FILE]";

struct Opts {
    log: String,
    go: usize,
    bstep: usize,
    bcont: usize,
    seed: u64,
    bcont_random: bool,
    op_timeout: f64,
    budget_mb: Option<usize>,
    commands: Option<String>,
}

fn parse_args() -> Result<Opts, String> {
    let mut args = std::env::args().skip(1);
    let mut log = None;
    let mut n = 30;
    let (mut go, mut bstep, mut bcont) = (None, None, None);
    let mut seed = 1;
    let mut bcont_random = false;
    let mut op_timeout = 120.0;
    let mut budget_mb = None;
    let mut commands = None;
    fn num<T: std::str::FromStr>(flag: &str, v: Option<String>) -> Result<T, String> {
        v.as_deref()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("{flag} needs a number"))
    }
    while let Some(a) = args.next() {
        match a.as_str() {
            "-n" | "--samples" => n = num(&a, args.next())?,
            "--go" => go = Some(num(&a, args.next())?),
            "--bstep" => bstep = Some(num(&a, args.next())?),
            "--bcont" => bcont = Some(num(&a, args.next())?),
            "--seed" => seed = num(&a, args.next())?,
            "--op-timeout" => op_timeout = num(&a, args.next())?,
            "--budget-mb" => budget_mb = Some(num(&a, args.next())?),
            "--commands" => commands = Some(args.next().ok_or("--commands needs a file")?),
            "--bcont-from" => match args.next().as_deref() {
                Some("period") => bcont_random = false,
                Some("random") => bcont_random = true,
                _ => return Err("--bcont-from takes `period` or `random`".into()),
            },
            "-h" | "--help" => return Err(USAGE.into()),
            _ if a.starts_with('-') => return Err(format!("unknown option {a}\n{USAGE}")),
            _ if log.is_none() => log = Some(a),
            _ => return Err(USAGE.into()),
        }
    }
    Ok(Opts {
        log: log.ok_or(USAGE)?,
        go: go.unwrap_or(n),
        bstep: bstep.unwrap_or(n),
        bcont: bcont.unwrap_or(n),
        seed,
        bcont_random,
        op_timeout,
        budget_mb,
        commands,
    })
}

thread_local! {
    /// The engine calls made, as `revpy debug` commands (`--commands FILE`).
    static COMMANDS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(vec![]) };
}

fn note(cmd: String) {
    COMMANDS.with(|c| c.borrow_mut().push(cmd));
}

/// xorshift64*: deterministic, good enough to pick times.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// Interrupts an operation that runs longer than the limit (as Ctrl-C would).
struct Watchdog {
    /// When the current operation started, or None between operations.
    current: Arc<Mutex<Option<Instant>>>,
    /// The engine's interrupt flag.
    flag: revpy_revdb::engine::Interrupt,
}

impl Watchdog {
    fn start(limit: Duration, flag: revpy_revdb::engine::Interrupt) -> Watchdog {
        let current: Arc<Mutex<Option<Instant>>> = Arc::new(Mutex::new(None));
        let c = current.clone();
        let f = flag.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(50));
            let cur = c.lock().unwrap();
            if let Some(t) = *cur {
                if t.elapsed() > limit {
                    f.store(true, Ordering::SeqCst);
                }
            }
        });
        Watchdog { current, flag }
    }

    /// Run `f` under the limit; its wall time in ms, or None if interrupted.
    /// The CPU time it took (of this thread) is left in `LAST_CPU_MS`.
    fn time<T>(&self, f: impl FnOnce() -> Result<T, String>) -> (Result<T, String>, f64) {
        *self.current.lock().unwrap() = Some(Instant::now());
        let c0 = cpu_ns();
        let t0 = Instant::now();
        let r = f();
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        LAST_CPU_MS.with(|c| c.set(cpu_ns().saturating_sub(c0) as f64 / 1e6));
        let mut cur = self.current.lock().unwrap();
        *cur = None;
        self.flag.store(false, Ordering::SeqCst);
        (r, ms)
    }
}

fn interrupted(r: &Result<(), String>) -> bool {
    matches!(r, Err(m) if m.starts_with("Interrupted"))
}

thread_local! {
    /// The CPU time of the last operation timed (see `Watchdog::time`).
    static LAST_CPU_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// CPU time this thread has run, in ns (`/proc/thread-self/schedstat`; 0 where
/// missing). On a loaded machine wall time includes waiting for a core; CPU
/// time is what an idle machine would take.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The 1-minute load average (`/proc/loadavg`).
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "-".into())
}

/// Samples of one operation.
#[derive(Default)]
struct Series {
    ms: Vec<f64>,
    /// The work of each completed sample (see `revpy_revdb::Work`).
    work: Vec<Work>,
    cpu: Vec<f64>,
    timeouts: usize,
    errors: usize,
}

impl Series {
    /// Record one result; false if the category should stop (two timeouts).
    fn add(&mut self, r: &Result<(), String>, ms: f64, work: Work, what: &str) -> bool {
        if std::env::var_os("DEBUG_LATENCY_VERBOSE").is_some() {
            eprintln!(
                "  {what}: {ms:.1} ms (cpu {:.1} ms); replayed {} stop points in {} runs, {} unpacks, {} forks, {} packs",
                LAST_CPU_MS.with(|c| c.get()),
                work.replayed,
                work.runs,
                work.unpacks,
                work.forks,
                work.packs
            );
        }
        match r {
            Ok(()) => {
                self.work.push(work);
                self.ms.push(ms);
                self.cpu.push(LAST_CPU_MS.with(|c| c.get()));
            }
            Err(_) if interrupted(r) => {
                self.timeouts += 1;
                eprintln!("  {what}: interrupted after {:.1} s", ms / 1e3);
            }
            Err(m) => {
                self.errors += 1;
                eprintln!("  {what}: error: {m}");
            }
        }
        self.timeouts < 2
    }
}

/// Nearest-rank percentile of sorted samples.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn report(name: &str, s: &Series) {
    let mut v = s.ms.clone();
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        println!(
            "{name:<12} no completed samples (timeouts {}, errors {})",
            s.timeouts, s.errors
        );
        println!(
            "RESULT {name} n=0 median_ms=- p95_ms=- max_ms=- timeouts={} errors={}",
            s.timeouts, s.errors
        );
        return;
    }
    let (med, p95, max) = (median(&v), percentile(&v, 95.0), v[v.len() - 1]);
    let mut c = s.cpu.clone();
    c.sort_by(|a, b| a.total_cmp(b));
    let (cmed, cp95) = (median(&c), percentile(&c, 95.0));
    println!(
        "{name:<12} n={:<3} median {med:>10.1} ms   p95 {p95:>10.1} ms   max {max:>10.1} ms   min {:>10.1} ms{}",
        v.len(),
        v[0],
        if s.timeouts + s.errors > 0 {
            format!("   (timeouts {}, errors {})", s.timeouts, s.errors)
        } else {
            String::new()
        }
    );
    println!(
        "{:<12} cpu time: median {cmed:>10.1} ms   p95 {cp95:>10.1} ms",
        ""
    );
    let mut rep: Vec<u64> = s.work.iter().map(|w| w.replayed).collect();
    rep.sort();
    let (rmed, rp95) = (
        rep[(rep.len() - 1) / 2],
        rep[((rep.len() as f64 * 0.95).ceil() as usize).clamp(1, rep.len()) - 1],
    );
    let packs: u64 = s.work.iter().map(|w| w.packs).sum();
    let unpacks: u64 = s.work.iter().map(|w| w.unpacks).sum();
    println!(
        "{:<12} replayed stop points: median {rmed}, p95 {rp95}; {unpacks} unpacks, {packs} packs in all",
        ""
    );
    println!(
        "RESULT {name} n={} median_ms={med:.1} p95_ms={p95:.1} max_ms={max:.1} timeouts={} errors={} cpu_median_ms={cmed:.1} cpu_p95_ms={cp95:.1} replayed_median={rmed} replayed_p95={rp95} unpacks={unpacks} packs={packs} load={}",
        v.len(),
        s.timeouts,
        s.errors,
        loadavg()
    );
}

/// A line of /proc/self/status in kB (VmHWM: peak RSS, VmRSS: current).
fn status_kb(key: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The number of checkpoints and their estimated bytes (shared heap chunks
/// counted once).
fn checkpoints(e: &Engine) -> (usize, usize) {
    let (list, total) = e.checkpoint_list();
    (list.len(), total)
}

/// Stop points between the latest checkpoint before `t` and `t`: what a
/// backward motion from `t` replays at least.
fn replay_gap(e: &Engine, t: u64) -> u64 {
    let before = e
        .checkpoint_list()
        .0
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| *c < t)
        .max();
    t - before.unwrap_or(0)
}

/// Stop points covered by the `[searching A..B]` events of the last operation
/// (the intervals a backward search entered; an interrupted one did not finish
/// the last).
fn searched(e: &Engine) -> u64 {
    e.events
        .iter()
        .map(|ev| match ev {
            Event::Searching(a, b) => b.saturating_sub(*a),
            _ => 0,
        })
        .sum()
}

/// The work the engine did since `w0`.
fn work_since(e: &Engine, w0: Work) -> Work {
    let w = e.work();
    Work {
        replayed: w.replayed - w0.replayed,
        runs: w.runs - w0.runs,
        unpacks: w.unpacks - w0.unpacks,
        forks: w.forks - w0.forks,
        packs: w.packs - w0.packs,
    }
}

fn median_u64(v: &mut [u64]) -> u64 {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

fn mib(b: usize) -> f64 {
    b as f64 / (1 << 20) as f64
}

/// `print tracker`, bind the anchor, replace the watchpoint with `watch $N.value`.
/// Adds the time of `add_watchpoint` (one evaluation of the watch expression,
/// which is also what a search pays at every stop point) to `eval_ms`.
fn set_watch(e: &mut Engine, prev: Option<usize>, eval_ms: &mut Vec<f64>) -> Result<usize, String> {
    if let Some(id) = prev {
        note(format!("delete {id}"));
        e.delete(id);
    }
    note("p tracker".into());
    let printed = e.print("tracker");
    let anchor = printed
        .strip_prefix('$')
        .and_then(|s| s.split_once(' '))
        .map(|(n, _)| n.to_string())
        .ok_or_else(|| format!("`print tracker` gave {printed:?}, not an anchor"))?;
    let t0 = Instant::now();
    note(format!("watch ${anchor}.value"));
    let id = e.add_watchpoint(&format!("${anchor}.value"))?;
    eval_ms.push(t0.elapsed().as_secs_f64() * 1e3);
    Ok(id)
}

fn run(o: Opts, rec: revpy_vm::effects::log::Recording) -> Result<(), String> {
    let mut rng = Rng::new(o.seed);
    println!(
        "recording: {} ({} effects); seed {}; op timeout {} s",
        o.log,
        rec.effects.len(),
        o.seed,
        o.op_timeout
    );
    let recorded_end = match &rec.tail {
        Tail::Complete(end) => Some(end.stop_points),
        _ => None,
    };
    let t0 = Instant::now();
    let mut e = Engine::open(rec, Box::new(revpy_stdlib::new_vm))?;
    if let Some(mb) = o.budget_mb {
        e.set_budget(Some(mb << 20));
    }
    println!(
        "open: {:.1} ms (checkpoint budget {:.0} MiB, interval {})",
        t0.elapsed().as_secs_f64() * 1e3,
        mib(e.budget()),
        e.interval
    );
    e.events.clear();
    let dog = Watchdog::start(Duration::from_secs_f64(o.op_timeout), e.interrupt.clone());

    // The forward pass: the first `go` to the end (its time is in the
    // recording's end record; `continue` if the recording has none). No
    // timeout: nothing works without it.
    let t0 = Instant::now();
    let c0 = cpu_ns();
    match recorded_end {
        Some(t) => {
            note(format!("go {t}"));
            e.go(t)?
        }
        None => {
            note("continue".into());
            e.cont()?
        }
    }
    let fwd_ms = t0.elapsed().as_secs_f64() * 1e3;
    let fwd_cpu = cpu_ns().saturating_sub(c0) as f64 / 1e6;
    e.events.clear();
    let end = e.end.as_ref().map_or(e.cur.pos.time, |x| x.time);
    if recorded_end.is_some_and(|t| t != end) {
        eprintln!("  the recording ends at time {recorded_end:?}, the forward pass at {end}");
    }
    let (n, b) = checkpoints(&e);
    let hwm_fwd = status_kb("VmHWM:").unwrap_or(0);
    println!(
        "forward pass (go to the end): {fwd_ms:.1} ms; {end} stop points; \
         {n} checkpoints ({} packed), {:.1} MiB estimated (budget {:.1} MiB); peak RSS {:.1} MiB",
        e.packed_checkpoints(),
        mib(b),
        mib(e.budget()),
        hwm_fwd as f64 / 1024.0
    );
    println!(
        "forward pass CPU time: {fwd_cpu:.1} ms; load average {}",
        loadavg()
    );
    println!(
        "RESULT forward ms={fwd_ms:.1} stop_points={end} cpu_ms={fwd_cpu:.1} load={}",
        loadavg()
    );

    // `go` to random times.
    let mut go = Series::default();
    for i in 0..o.go {
        let t = rng.range(1, end);
        let w0 = e.work();
        let (r, ms) = dog.time(|| {
            note(format!("go {t}"));
            e.go(t)
        });
        let w = work_since(&e, w0);
        e.events.clear();
        if r.is_ok() && e.cur.pos.time != t {
            eprintln!("  go {t}: landed at {}", e.cur.pos.time);
        }
        if !go.add(&r, ms, w, &format!("go #{i} to {t}")) {
            break;
        }
    }
    report("go", &go);

    // `bstep` from random times.
    let mut bstep = Series::default();
    let mut gaps = vec![];
    for i in 0..o.bstep {
        let t = rng.range(2, end);
        let (r, _) = dog.time(|| {
            note(format!("go {t}"));
            e.go(t)
        });
        e.events.clear();
        if r.is_err() {
            eprintln!("  bstep #{i}: could not go to {t}: {r:?}");
            continue;
        }
        gaps.push(replay_gap(&e, t));
        let w0 = e.work();
        let (r, ms) = dog.time(|| {
            note("bstep".into());
            e.bstep()
        });
        let w = work_since(&e, w0);
        e.events.clear();
        if r.is_ok() && e.cur.pos.time != t - 1 {
            eprintln!("  bstep from {t}: landed at {}", e.cur.pos.time);
        }
        if !bstep.add(
            &r,
            ms,
            w,
            &format!("bstep #{i} from {t} (gap {})", gaps.last().unwrap_or(&0)),
        ) {
            break;
        }
    }
    report("bstep", &bstep);
    if !gaps.is_empty() {
        let g = median_u64(&mut gaps);
        println!(
            "bstep: median distance to the latest checkpoint before the start: {g} stop points"
        );
        println!("RESULT bstep_gap median={g}");
    }

    // `bcontinue` with `watch $N.value` on the global `tracker`.
    let mut bcont = Series::default();
    let mut back: Vec<u64> = vec![];
    let mut expected_ok = 0;
    let mut watch: Option<usize> = None;
    let mut eval_ms = vec![];
    let mut spans = vec![];
    // The period of the changes: two `bcontinue`s from the end (timed too).
    let mut period = None;
    let mut calib = vec![];
    if o.bcont > 0 && !o.bcont_random {
        let (r, _) = dog.time(|| {
            note(format!("go {end}"));
            e.go(end)
        });
        e.events.clear();
        r?;
        watch = Some(set_watch(&mut e, watch, &mut eval_ms)?);
        let mut hits = vec![];
        for k in 0..2 {
            let (r, ms) = dog.time(|| {
                note("bcontinue".into());
                e.bcont()
            });
            e.events.clear();
            if r.is_err() {
                eprintln!("  calibration bcontinue #{k}: {r:?} after {ms:.1} ms");
                break;
            }
            calib.push(ms);
            hits.push(e.cur.pos.time);
        }
        if let [h1, h2] = hits[..] {
            println!(
                "calibration: from the end, bcontinue hit {h1} ({:.1} ms), then {h2} ({:.1} ms): \
                 the value changes every {} stop points",
                calib[0],
                calib[1],
                h1 - h2
            );
            period = Some((h1, h1 - h2));
        } else {
            println!("calibration failed; bcontinue starts at random times");
        }
    }
    for i in 0..o.bcont {
        // Start at `t`; the search should land at `expect` if the changes are periodic.
        let (t, expect) = match period {
            // The last 90% of the run: the changes before the first epoch
            // (the program's set-up) are not periodic.
            Some((h1, p)) if p > 0 && h1 / p >= 10 => {
                let j = rng.range(1, h1 / p * 9 / 10);
                let next = h1 - j * p;
                (next - rng.range(0, p / 10), Some(next - p))
            }
            _ => (rng.range(2, end), None),
        };
        let (r, _) = dog.time(|| {
            note(format!("go {t}"));
            e.go(t)
        });
        e.events.clear();
        if r.is_err() {
            eprintln!("  bcontinue #{i}: could not go to {t}: {r:?}");
            continue;
        }
        watch = Some(set_watch(&mut e, watch, &mut eval_ms)?);
        let w0 = e.work();
        let (r, ms) = dog.time(|| {
            note("bcontinue".into());
            e.bcont()
        });
        let w = work_since(&e, w0);
        let span = searched(&e);
        spans.push(span);
        e.events.clear();
        if interrupted(&r) {
            eprintln!("  bcontinue from {t}: interrupted while searching intervals of {span} stop points in all");
        }
        if r.is_ok() {
            let landed = e.cur.pos.time;
            back.push(t - landed);
            if expect == Some(landed) {
                expected_ok += 1;
            } else if let Some(x) = expect {
                eprintln!("  bcontinue #{i} from {t}: landed at {landed}, expected {x}");
            }
        }
        if !bcont.add(&r, ms, w, &format!("bcontinue #{i} from {t}")) {
            break;
        }
    }
    report("bcontinue", &bcont);
    if !spans.is_empty() {
        let m = median_u64(&mut spans);
        println!("bcontinue: the `[searching A..B]` intervals it entered cover a median of {m} stop points");
        println!("RESULT bcont_scanned median={m}");
    }
    if !eval_ms.is_empty() {
        eval_ms.sort_by(|a, b| a.total_cmp(b));
        println!(
            "one evaluation of the watch expression (add_watchpoint): median {:.2} ms",
            median(&eval_ms)
        );
        println!("RESULT watch_eval median_ms={:.2}", median(&eval_ms));
    }
    if !back.is_empty() {
        back.sort();
        println!(
            "bcontinue went back: median {} stop points (min {}, max {}){}",
            back[back.len() / 2],
            back[0],
            back[back.len() - 1],
            if period.is_some() {
                format!("; {expected_ok}/{} at the expected change", back.len())
            } else {
                String::new()
            }
        );
        println!(
            "RESULT bcont_back median={} min={} max={} expected={} checked={}",
            back[back.len() / 2],
            back[0],
            back[back.len() - 1],
            expected_ok,
            if period.is_some() { back.len() } else { 0 }
        );
    }

    let (n, b) = checkpoints(&e);
    let hwm = status_kb("VmHWM:").unwrap_or(0);
    let rss = status_kb("VmRSS:").unwrap_or(0);
    println!(
        "checkpoints at the end: {n}, {:.1} MiB estimated (budget {:.1} MiB); \
         RSS {:.1} MiB; peak RSS {:.1} MiB",
        mib(b),
        mib(e.budget()),
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    println!(
        "RESULT checkpoints count={n} bytes={b} budget={} packed={}",
        e.budget(),
        e.packed_checkpoints()
    );
    println!("RESULT memory peak_rss_kb={hwm} after_forward_kb={hwm_fwd}");
    Ok(())
}

extern "C" {
    fn mi_option_set(option: i32, value: std::ffi::c_long);
}

fn main() -> std::process::ExitCode {
    // As `revpy debug` does (see `purge_promptly` in src/main.rs): freed
    // memory goes back to the system at once.
    // SAFETY: sets one of mimalloc's options (15: `mi_option_purge_delay`).
    unsafe { mi_option_set(15, 0) };
    let opts = match parse_args() {
        Ok(o) => o,
        Err(m) => {
            eprintln!("{m}");
            return std::process::ExitCode::from(2);
        }
    };
    let data = match std::fs::read(&opts.log) {
        Ok(d) => d,
        Err(err) => {
            eprintln!("debug_latency: can't read {}: {err}", opts.log);
            return std::process::ExitCode::from(2);
        }
    };
    let rec = match revpy_vm::effects::log::Recording::parse(&data) {
        Ok(r) => r,
        Err(err) => {
            eprintln!("debug_latency: {}: {err}", opts.log);
            return std::process::ExitCode::from(2);
        }
    };
    drop(data);
    // The engine runs the VM: give it the stack `revpy debug` gives it.
    let r = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let commands = opts.commands.clone();
            let r = run(opts, rec);
            if let Some(path) = commands {
                let text = COMMANDS.with(|c| c.borrow().join("\n") + "\n");
                if let Err(err) = std::fs::write(&path, text) {
                    eprintln!("debug_latency: can't write {path}: {err}");
                }
            }
            r
        })
        .expect("spawn the engine thread")
        .join();
    match r {
        Ok(Ok(())) => std::process::ExitCode::SUCCESS,
        Ok(Err(m)) => {
            eprintln!("debug_latency: {m}");
            std::process::ExitCode::FAILURE
        }
        Err(_) => std::process::ExitCode::FAILURE,
    }
}
