//! The `time` module. Every clock reading is an effect (logged as the value the program
//! sees): `time`, `time_ns`, `monotonic(_ns)`, `perf_counter(_ns)`, `process_time(_ns)`;
//! `sleep` is an effect that, in replay, does not sleep; `localtime` logs the broken-down
//! result (it depends on the host's time zone), `mktime` its result; `timezone`,
//! `altzone`, `daylight` and `tzname` come from two `localtime` calls at import, as
//! CPython's do. `gmtime`, `strftime` and `asctime` of a
//! given time are pure computations.

use revpy_vm::effects::log::Val;
use revpy_vm::effects::OsResult;
use revpy_vm::{Arity, NativeDef};
use revpy_vm::{EffectKind, Num, ObjRef, PyResult, Value, Vm};

use revpy_vm::Kw;

/// `struct_time`: a tuple subclass with named fields (CPython's structseq).
const STRUCT_TIME: &str = r#"
class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
               'tm_wday', 'tm_yday', 'tm_isdst')

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = len(seq)
        if n < 9:
            raise TypeError(f"time.struct_time() takes an at least 9-sequence ({n}-sequence given)")
        if n > 11:
            raise TypeError(f"time.struct_time() takes an at most 11-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:9])
        self._extra = (seq[9] if n > 9 else None, seq[10] if n > 10 else None)
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(
            [f'{n}={v!r}' for n, v in zip(self._fields, self)]) + ')'

    def __reduce__(self):
        return (struct_time, (tuple(self),))

struct_time.__module__ = 'time'
"#;

fn float_result(vm: &mut Vm, kind: EffectKind, live: impl FnOnce() -> f64) -> PyResult<Value> {
    let r = vm.effects.effect_as(kind, |_| Val::Float(live()));
    Ok(Value::Float(vm.fx(r)?))
}

fn int_result(vm: &mut Vm, kind: EffectKind, live: impl FnOnce() -> i64) -> PyResult<Value> {
    let r = vm.effects.effect_as(kind, |_| Val::Int(live()));
    Ok(Value::Int(vm.fx(r)?))
}

// time_t and c_long are i64 on 64-bit targets only.
#[allow(clippy::useless_conversion)]
fn clock_ns(clock: libc::clockid_t) -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    i64::from(ts.tv_sec) * 1_000_000_000 + i64::from(ts.tv_nsec)
}

// Effects boundary: the wall clock, read only by the live closures of effects.
#[allow(clippy::disallowed_methods)]
fn wall_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

fn t_time(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("time", args, 0, 0)?;
    let r = vm.effects.time();
    Ok(Value::Float(vm.fx(r)?))
}
fn t_time_ns(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("time_ns", args, 0, 0)?;
    int_result(vm, EffectKind::TimeNs, wall_ns)
}
fn t_monotonic(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("monotonic", args, 0, 0)?;
    float_result(vm, EffectKind::Monotonic, || {
        clock_ns(libc::CLOCK_MONOTONIC) as f64 * 1e-9
    })
}
fn t_monotonic_ns(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("monotonic_ns", args, 0, 0)?;
    int_result(vm, EffectKind::MonotonicNs, || {
        clock_ns(libc::CLOCK_MONOTONIC)
    })
}
fn t_perf_counter(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("perf_counter", args, 0, 0)?;
    float_result(vm, EffectKind::PerfCounter, || {
        clock_ns(libc::CLOCK_MONOTONIC) as f64 * 1e-9
    })
}
fn t_perf_counter_ns(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("perf_counter_ns", args, 0, 0)?;
    int_result(vm, EffectKind::PerfCounterNs, || {
        clock_ns(libc::CLOCK_MONOTONIC)
    })
}
fn t_process_time(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("process_time", args, 0, 0)?;
    float_result(vm, EffectKind::ProcessTime, || {
        clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID) as f64 * 1e-9
    })
}
fn t_process_time_ns(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("process_time_ns", args, 0, 0)?;
    int_result(vm, EffectKind::ProcessTimeNs, || {
        clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)
    })
}

fn seconds_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.num_of(v) {
        Some(Num::F(f)) => Ok(f),
        Some(Num::I(i)) => Ok(i as f64),
        Some(Num::B(_)) => Err(vm.new_overflow_error("timestamp out of range for platform time_t")),
        _ => {
            let t = vm.type_name(v);
            Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

// Effects boundary: the world is touched only in the live closure of an effect.
#[allow(clippy::disallowed_methods)]
fn t_sleep(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("sleep", args, 1, 1)?;
    let secs = match vm.num_of(args[0]) {
        Some(Num::F(f)) => f,
        Some(Num::I(i)) => i as f64,
        _ => {
            let t = vm.type_name(args[0]);
            return Err(
                vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer"))
            );
        }
    };
    if secs.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)".into()));
    }
    if secs < 0.0 {
        return Err(vm.new_value_error("sleep length must be non-negative".into()));
    }
    // With threads, the others run meanwhile (virtual time, revpy_vm::threads).
    if vm.thread_sleep(secs)? {
        return Ok(Value::None);
    }
    vm.effects.flush_stdout();
    let r = vm.effects.effect_as::<()>(EffectKind::Sleep, move |_| {
        if secs.is_finite() && secs < 1e9 {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs));
        }
        Val::Unit
    });
    vm.fx(r)?;
    Ok(Value::None)
}

/// Days since 1970-01-01 -> (year, month, day) (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn yday(y: i64, m: i64, d: i64) -> i64 {
    const CUM: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    CUM[(m - 1) as usize] + d + (m > 2 && is_leap(y)) as i64
}

/// Broken-down UTC time: [year, mon, mday, hour, min, sec, wday, yday, isdst].
fn gmtime_fields(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (Monday = 0)
    [
        y,
        m,
        d,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        wday,
        yday(y, m, d),
        0,
    ]
}

fn make_struct_time(vm: &mut Vm, f: &[i64; 9], zone: &str, gmtoff: i64) -> PyResult<Value> {
    let d = vm.native_module_dict("time")?;
    let k = vm.intern("struct_time");
    let cls = vm.dict_get_str(d, k).unwrap_or(Value::None);
    let mut items: Vec<Value> = f.iter().map(|v| Value::Int(*v)).collect();
    items.push(vm.new_str(zone.to_string()));
    items.push(Value::Int(gmtoff));
    let t = vm.new_tuple(items);
    vm.call(cls, &[t], &[])
}

fn secs_or_now(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Option<i64>> {
    vm.check_args(name, args, 0, 1)?;
    match args.first() {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let f = seconds_arg(vm, *v)?;
            if f.is_nan() {
                return Err(vm.new_value_error("Invalid value NaN (not a number)".into()));
            }
            if !f.is_finite() || f.abs() > 1e16 {
                return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(Some(f.floor() as i64))
        }
    }
}

fn t_gmtime(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let secs = match secs_or_now(vm, args, "gmtime")? {
        Some(s) => s,
        None => {
            let r = vm.effects.time();
            vm.fx(r)?.floor() as i64
        }
    };
    let f = gmtime_fields(secs);
    make_struct_time(vm, &f, "GMT", 0)
}

/// The local broken-down time (an effect: it depends on the host's time zone).
fn localtime_fields(vm: &mut Vm, secs: Option<i64>) -> PyResult<([i64; 9], String, i64)> {
    let r: Result<OsResult<Vec<Val>>, _> = vm.effects.effect_as(EffectKind::LocalTime, move |_| {
        let t = secs.unwrap_or_else(|| wall_ns().div_euclid(1_000_000_000));
        // SAFETY: localtime_r fills the tm we own; tm_zone points to static storage.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        let tt = t as libc::time_t;
        let ok = unsafe { !libc::localtime_r(&tt, &mut tm).is_null() };
        if !ok {
            return Val::Err(75, "Value too large for defined data type".into());
        }
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .into_owned()
        };
        Val::List(vec![
            Val::Int(tm.tm_year as i64 + 1900),
            Val::Int(tm.tm_mon as i64 + 1),
            Val::Int(tm.tm_mday as i64),
            Val::Int(tm.tm_hour as i64),
            Val::Int(tm.tm_min as i64),
            Val::Int(tm.tm_sec as i64),
            Val::Int((tm.tm_wday as i64 + 6) % 7),
            Val::Int(tm.tm_yday as i64 + 1),
            Val::Int(tm.tm_isdst as i64),
            Val::Str(zone),
            Val::Int(tm.tm_gmtoff),
        ])
    });
    match vm.fx(r)? {
        Ok(items) => {
            let mut f = [0i64; 9];
            let (mut zone, mut off) = (None, None);
            if items.len() == 11 {
                for (i, v) in items.into_iter().enumerate() {
                    match (i, v) {
                        (0..=8, Val::Int(x)) => f[i] = x,
                        (9, Val::Str(s)) => zone = Some(s),
                        (10, Val::Int(o)) => off = Some(o),
                        _ => break,
                    }
                }
            }
            match (zone, off) {
                (Some(zone), Some(off)) => Ok((f, zone, off)),
                _ => {
                    let e = vm.effects.bad_value(
                        EffectKind::LocalTime,
                        "a list of other values".into(),
                        "a list of 11 values (9 ints, a string, an int)".into(),
                    );
                    vm.fx(Err(e))
                }
            }
        }
        Err(_) => Err(vm.new_overflow_error("timestamp out of range for platform time_t")),
    }
}

fn t_localtime(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let secs = secs_or_now(vm, args, "localtime")?;
    let (f, zone, off) = localtime_fields(vm, secs)?;
    make_struct_time(vm, &f, &zone, off)
}

/// `mktime(t)`: the inverse of `localtime` (the host's time zone: an effect).
fn t_mktime(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let f = time_fields(vm, args[0], "mktime")?;
    let r: Result<OsResult<f64>, _> = vm.effects.effect_as(EffectKind::MkTime, move |_| {
        // SAFETY: a zeroed tm is valid; mktime reads and normalises the one we own.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        let fields = [
            f[0] - 1900,
            f[1] - 1,
            f[2],
            f[3],
            f[4],
            f[5],
            f[7] - 1,
            f[8],
        ];
        if fields.iter().any(|v| i32::try_from(*v).is_err()) {
            return Val::Err(75, "mktime argument out of range".into());
        }
        tm.tm_year = fields[0] as i32;
        tm.tm_mon = fields[1] as i32;
        tm.tm_mday = fields[2] as i32;
        tm.tm_hour = fields[3] as i32;
        tm.tm_min = fields[4] as i32;
        tm.tm_sec = fields[5] as i32;
        tm.tm_yday = fields[6] as i32;
        tm.tm_isdst = fields[7] as i32;
        // -1 is also a valid result: tm_wday stays -1 only when mktime failed.
        tm.tm_wday = -1;
        let t = unsafe { libc::mktime(&mut tm) };
        if t == -1 && tm.tm_wday == -1 {
            return Val::Err(75, "mktime argument out of range".into());
        }
        Val::Float(t as f64)
    });
    match vm.fx(r)? {
        Ok(t) => Ok(Value::Float(t)),
        Err(_) => Err(vm.new_overflow_error("mktime argument out of range")),
    }
}

/// `timezone`, `altzone`, `daylight`, `tzname`, as CPython's `init_timezone`: the
/// offsets of January and July of this year (the southern hemisphere's summer is
/// January).
fn set_timezone(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = vm
        .effects
        .effect_as::<f64>(EffectKind::Time, |_| Val::Float(wall_ns() as f64 / 1e9));
    let now = vm.fx(now)? as i64;
    let jan = (now / YEAR) * YEAR;
    let (_, jan_name, jan_off) = localtime_fields(vm, Some(jan))?;
    let (_, jul_name, jul_off) = localtime_fields(vm, Some(jan + YEAR / 2))?;
    let (jan_zone, jul_zone) = (-jan_off, -jul_off);
    let (tz, alt, names) = if jan_zone < jul_zone {
        (jul_zone, jan_zone, [jul_name, jan_name])
    } else {
        (jan_zone, jul_zone, [jan_name, jul_name])
    };
    let items: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    let tzname = vm.new_tuple(items);
    for (name, v) in [
        ("timezone", Value::Int(tz)),
        ("altzone", Value::Int(alt)),
        ("daylight", Value::Int((jan_zone != jul_zone) as i64)),
        ("tzname", tzname),
    ] {
        let k = vm.intern(name);
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

/// A time tuple argument (struct_time or 9-sequence) -> fields, zone, gmtoff.
/// The nine fields of a time tuple (a tuple or struct_time of C ints), as CPython's
/// `gettmarg`, with no range checks.
fn time_fields(vm: &mut Vm, v: Value, func: &str) -> PyResult<[i64; 9]> {
    if !vm.isinstance(v, vm.types.tuple) {
        return Err(vm.new_type_error("Tuple or struct_time argument required".into()));
    }
    let items = vm.iterate(v)?;
    if items.len() != 9 {
        return Err(vm.new_type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, it) in items.iter().enumerate() {
        // A big int does not fit an i64 (IndexError here): its sign says which end.
        let x = match vm.expect_int(*it, "time tuple") {
            Ok(x) => x,
            Err(e) if vm.isinstance_ref(e.0, vm.types.index_error) => {
                let neg = vm.lt(*it, Value::Int(0))?;
                if neg {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
            Err(e) => return Err(e),
        };
        f[i] = match x {
            x if i32::try_from(x).is_ok() => x,
            x if x < 0 => return Err(vm.new_overflow_error("signed integer is less than minimum")),
            _ => return Err(vm.new_overflow_error("signed integer is greater than maximum")),
        };
    }
    Ok(f)
}

fn tuple_arg(vm: &mut Vm, v: Value, func: &str) -> PyResult<([i64; 9], String, i64)> {
    let mut f = time_fields(vm, v, func)?;
    let zk = vm.intern("tm_zone");
    let zone = match vm.getattr_opt(v, zk) {
        Ok(Some(z)) => vm.as_str(z).map(|s| s.to_string()),
        _ => None,
    };
    let ok = vm.intern("tm_gmtoff");
    let off = match vm.getattr_opt(v, ok) {
        Ok(Some(Value::Int(o))) => Some(o),
        _ => None,
    };
    let (zone, off) = match (zone, off) {
        (Some(z), Some(o)) => (z, o),
        _ => (if f[8] > 0 { "DST".into() } else { "UTC".into() }, 0),
    };
    // CPython's checks (strftime's "illegal" range errors).
    let checks: [(usize, i64, i64, &str); 7] = [
        (1, 1, 12, "month out of range"),
        (2, 1, 31, "day of month out of range"),
        (3, 0, 23, "hour out of range"),
        (4, 0, 59, "minute out of range"),
        (5, 0, 61, "seconds out of range"),
        (7, 1, 366, "day of year out of range"),
        (6, -1, 6, "day of week out of range"),
    ];
    for (i, lo, hi, msg) in checks {
        // CPython accepts 0 for month/mday/yday in strftime (normalizing them to 1).
        if f[i] == 0 && matches!(i, 1 | 2 | 7) {
            f[i] = 1;
            continue;
        }
        if f[i] < lo || f[i] > hi {
            return Err(vm.new_value_error(msg.into()));
        }
    }
    if f[6] < 0 {
        f[6] = (f[6] + 7) % 7;
    }
    Ok((f, zone, off))
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// ISO 8601 year and week number.
fn iso_week(f: &[i64; 9]) -> (i64, i64) {
    let (y, yd, wd) = (f[0], f[7], f[6]); // wd: Monday = 0
    let wk = (yd - 1 - wd + 10) / 7; // (yday - weekday(1..7) + 10) / 7 with 1-based weekday
    let weeks_in = |y: i64| {
        let jan1 = gmtime_fields(days_from_civil(y, 1, 1) * 86400)[6];
        if jan1 == 3 || (jan1 == 2 && is_leap(y)) {
            53
        } else {
            52
        }
    };
    if wk < 1 {
        (y - 1, weeks_in(y - 1))
    } else if wk > weeks_in(y) {
        (y + 1, 1)
    } else {
        (y, wk)
    }
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn strftime_str(fmt: &str, f: &[i64; 9], zone: &str, gmtoff: i64) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    let wd = f[6] as usize % 7;
    let mon = ((f[1] - 1).clamp(0, 11)) as usize;
    let hour12 = if f[3] % 12 == 0 { 12 } else { f[3] % 12 };
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        match d {
            'a' => out.push_str(&DAYS[wd][..3]),
            'A' => out.push_str(DAYS[wd]),
            'b' | 'h' => out.push_str(&MONTHS[mon][..3]),
            'B' => out.push_str(MONTHS[mon]),
            'c' => out.push_str(&format!(
                "{} {} {:2} {:02}:{:02}:{:02} {}",
                &DAYS[wd][..3],
                &MONTHS[mon][..3],
                f[2],
                f[3],
                f[4],
                f[5],
                f[0]
            )),
            'C' => out.push_str(&format!("{:02}", f[0].div_euclid(100))),
            'd' => out.push_str(&format!("{:02}", f[2])),
            'D' => out.push_str(&format!(
                "{:02}/{:02}/{:02}",
                f[1],
                f[2],
                f[0].rem_euclid(100)
            )),
            'e' => out.push_str(&format!("{:2}", f[2])),
            'F' => out.push_str(&format!("{}-{:02}-{:02}", f[0], f[1], f[2])),
            'G' => out.push_str(&iso_week(f).0.to_string()),
            'g' => out.push_str(&format!("{:02}", iso_week(f).0.rem_euclid(100))),
            'H' => out.push_str(&format!("{:02}", f[3])),
            'I' => out.push_str(&format!("{hour12:02}")),
            'j' => out.push_str(&format!("{:03}", f[7])),
            'm' => out.push_str(&format!("{:02}", f[1])),
            'M' => out.push_str(&format!("{:02}", f[4])),
            'n' => out.push('\n'),
            'p' => out.push_str(if f[3] < 12 { "AM" } else { "PM" }),
            'r' => out.push_str(&format!(
                "{hour12:02}:{:02}:{:02} {}",
                f[4],
                f[5],
                if f[3] < 12 { "AM" } else { "PM" }
            )),
            'R' => out.push_str(&format!("{:02}:{:02}", f[3], f[4])),
            'S' => out.push_str(&format!("{:02}", f[5])),
            't' => out.push('\t'),
            'T' | 'X' => out.push_str(&format!("{:02}:{:02}:{:02}", f[3], f[4], f[5])),
            'u' => out.push_str(&(wd + 1).to_string()),
            'w' => out.push_str(&((wd + 1) % 7).to_string()),
            'U' => {
                let sunday_wd = (wd + 1) % 7;
                out.push_str(&format!("{:02}", (f[7] - 1 + 7 - sunday_wd as i64) / 7))
            }
            'W' => out.push_str(&format!("{:02}", (f[7] - 1 + 7 - wd as i64) / 7)),
            'V' => out.push_str(&format!("{:02}", iso_week(f).1)),
            'x' => out.push_str(&format!(
                "{:02}/{:02}/{:02}",
                f[1],
                f[2],
                f[0].rem_euclid(100)
            )),
            'y' => out.push_str(&format!("{:02}", f[0].rem_euclid(100))),
            'Y' => out.push_str(&f[0].to_string()),
            'z' => {
                let sign = if gmtoff < 0 { '-' } else { '+' };
                let a = gmtoff.abs();
                out.push_str(&format!("{sign}{:02}{:02}", a / 3600, a % 3600 / 60));
            }
            'Z' => out.push_str(zone),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

fn t_strftime(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("strftime", args, 1, 2)?;
    let fmt = match vm.as_str(args[0]) {
        Some(s) => s.to_string(),
        None => {
            let t = vm.type_name(args[0]);
            return Err(vm.new_type_error(format!("strftime() argument 1 must be str, not {t}")));
        }
    };
    let (f, zone, off) = match args.get(1) {
        Some(t) => tuple_arg(vm, *t, "strftime")?,
        None => localtime_fields(vm, None)?,
    };
    let s = strftime_str(&fmt, &f, &zone, off);
    Ok(vm.new_str(s))
}

fn asctime_str(f: &[i64; 9]) -> String {
    let wd = f[6] as usize % 7;
    let mon = ((f[1] - 1).clamp(0, 11)) as usize;
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        &DAYS[wd][..3],
        &MONTHS[mon][..3],
        f[2],
        f[3],
        f[4],
        f[5],
        f[0]
    )
}

fn t_asctime(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("asctime", args, 0, 1)?;
    let (f, _, _) = match args.first() {
        Some(t) => tuple_arg(vm, *t, "asctime")?,
        None => localtime_fields(vm, None)?,
    };
    Ok(vm.new_str(asctime_str(&f)))
}

fn t_ctime(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let secs = secs_or_now(vm, args, "ctime")?;
    let (f, _, _) = localtime_fields(vm, secs)?;
    Ok(vm.new_str(asctime_str(&f)))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("time");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("time", t_time, Arity::none()),
        ("time_ns", t_time_ns, Arity::none()),
        ("monotonic", t_monotonic, Arity::none()),
        ("monotonic_ns", t_monotonic_ns, Arity::none()),
        ("perf_counter", t_perf_counter, Arity::none()),
        ("perf_counter_ns", t_perf_counter_ns, Arity::none()),
        ("process_time", t_process_time, Arity::none()),
        ("process_time_ns", t_process_time_ns, Arity::none()),
        ("sleep", t_sleep, Arity::exactly(1)),
        ("gmtime", t_gmtime, Arity::range(0, 1)),
        ("localtime", t_localtime, Arity::range(0, 1)),
        ("strftime", t_strftime, Arity::range(1, 2)),
        ("asctime", t_asctime, Arity::range(0, 1)),
        ("ctime", t_ctime, Arity::range(0, 1)),
        ("mktime", t_mktime, Arity::exactly(1)),
    ];
    vm.add_functions(d, fns);
    // The module is in sys.modules while struct_time is defined (its functions find
    // the class there).
    let key = vm.new_str("time".into());
    vm.dict_set(vm.modules, key, Value::Obj(m))?;
    let code = match vm.compile(STRUCT_TIME, "<frozen time>") {
        Ok(c) => c,
        Err(e) => return Err(vm.new_error(vm.types.system_error, format!("time: {e}"))),
    };
    vm.exec_in_module(&code, m)?;
    set_timezone(vm, d)?;
    Ok(m)
}
