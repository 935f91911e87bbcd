//! The `random` module: CPython's Mersenne Twister (MT19937), bit for bit, with
//! CPython's seeding (`init_by_array` of the absolute value's 32-bit words; str/bytes
//! through SHA-512 for version 2; other hashables through `hash`) and CPython's
//! algorithms for every method (`_randbelow` by rejection sampling on `getrandbits`,
//! `choices` through `floor(random() * n)` and bisection, `sample`'s pool/set switch,
//! `gauss`'s cached second value), so seeded programs print what CPython prints.
//!
//! The generator state lives in the `Random` object (module functions are bound
//! methods of a hidden instance, as in CPython). An unseeded generator seeds itself
//! from `os.urandom` (an effect, so a replay sees the same numbers) when first used.

use crate::math::arg_f64;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, ToPrimitive};
use revpy_vm::object::opaque::OpaqueObject;
use revpy_vm::{Arity, KwSpec, NativeDef};
use revpy_vm::{Kind, Num, ObjRef, PyErr, PyResult, Value, Vm};
use std::any::Any;

use revpy_vm::Kw;

const N: usize = 624;
const M: usize = 397;
/// Larger requests raise MemoryError (instead of aborting on allocation).
const MAX_BITS: i64 = 1 << 36;

#[derive(Clone)]
struct Mt {
    state: Box<[u32; N]>,
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        Mt {
            state: Box::new([0; N]),
            index: N + 1,
        }
    }
    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let kj = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(kj)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }
    fn next_u32(&mut self) -> u32 {
        const MAG: [u32; 2] = [0, 0x9908_b0df];
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            }
            let y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
    /// `getrandbits(k)` for k <= 64.
    fn bits64(&mut self, k: u32) -> u64 {
        if k == 0 {
            0
        } else if k <= 32 {
            (self.next_u32() >> (32 - k)) as u64
        } else {
            let lo = self.next_u32() as u64;
            let hi = (self.next_u32() >> (64 - k)) as u64;
            lo | (hi << 32)
        }
    }
    /// `getrandbits(k)` for any k.
    fn bits_big(&mut self, k: u64) -> BigUint {
        let words = (k.saturating_sub(1)) / 32 + 1;
        let mut left = k as i64;
        let mut v = Vec::with_capacity(words as usize);
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            v.push(r);
            left -= 32;
        }
        BigUint::from_slice(&v)
    }
    /// `_randbelow(n)` for 0 < n < 2**64.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits64(k);
            if r < n {
                return r;
            }
        }
    }
    fn below_big(&mut self, n: &BigUint) -> BigUint {
        if let Some(s) = n.to_u64() {
            return BigUint::from(self.below(s));
        }
        let k = n.bits();
        loop {
            let r = self.bits_big(k);
            if &r < n {
                return r;
            }
        }
    }
}

#[derive(Clone)]
struct RandomState {
    mt: Option<Mt>,
    gauss_next: Option<f64>,
}

impl std::fmt::Debug for RandomState {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "RandomState")
    }
}

impl OpaqueObject for RandomState {
    fn clone_box(&self) -> Box<dyn OpaqueObject> {
        Box::new(self.clone())
    }
    fn trace(&self, _f: &mut dyn FnMut(Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn state_mut(vm: &mut Vm, v: Value) -> Option<&mut RandomState> {
    match vm.heap.kind_mut(v.obj()?) {
        Kind::Opaque(o) => o.as_any_mut().downcast_mut::<RandomState>(),
        _ => None,
    }
}

fn bad_self(vm: &mut Vm, v: Value) -> PyErr {
    let t = vm.type_name(v);
    vm.new_type_error(format!(
        "descriptor requires a 'random.Random' object but received a '{t}'"
    ))
}

/// Seed from the OS (an effect): 624 words, as CPython's `random_seed_urandom`.
fn seed_urandom(vm: &mut Vm) -> PyResult<Mt> {
    let bytes = crate::os::urandom_bytes(vm, N * 4)?;
    let key: Vec<u32> = bytes
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let mut mt = Mt::new();
    mt.init_by_array(&key);
    Ok(mt)
}

/// The generator of `v`, seeded from the OS first if it never was.
fn gen(vm: &mut Vm, v: Value) -> PyResult<&mut Mt> {
    match state_mut(vm, v) {
        None => return Err(bad_self(vm, v)),
        Some(s) if s.mt.is_some() => {}
        Some(_) => {
            let mt = seed_urandom(vm)?;
            if let Some(s) = state_mut(vm, v) {
                s.mt = Some(mt);
            }
        }
    }
    Ok(state_mut(vm, v)
        .and_then(|s| s.mt.as_mut())
        .expect("seeded above"))
}

fn seed_from_biguint(n: &BigUint) -> Mt {
    let mut key = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    let mut mt = Mt::new();
    mt.init_by_array(&key);
    mt
}

/// SHA-512, for version-2 seeding from str and bytes (shared with `hashlib`).
fn sha512(data: &[u8]) -> Vec<u8> {
    crate::hashes::sha512(data)
}

/// `Random.seed(a=None, version=2)`.
fn r_seed(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.seed", ["a", "version"]).python_method();
    let [a, ver_v] = SPEC.parse(vm, &args[1..], kw)?;
    let this = args[0];
    if state_mut(vm, this).is_none() {
        return Err(bad_self(vm, this));
    }
    let a = a.unwrap_or(Value::None);
    let version = vm.expect_int(ver_v.unwrap_or(Value::Int(2)), "version")?;
    let text: Option<Vec<u8>> = match a {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Str(_) => Some(vm.as_str(a).unwrap_or("").as_bytes().to_vec()),
            Kind::Bytes(b) => Some(b.clone()),
            Kind::ByteArray(b) if version == 2 => Some(b.clone()),
            _ => None,
        },
        _ => None,
    };
    let is_str = vm.as_str(a).is_some();
    let mt = if a.is_none() {
        seed_urandom(vm)?
    } else if let (Some(t), 1) = (&text, version) {
        // Version 1: CPython 2's string hash.
        let chars: Vec<u32> = if is_str {
            vm.as_str(a)
                .unwrap_or("")
                .chars()
                .map(|c| c as u32)
                .collect()
        } else {
            t.iter().map(|b| *b as u32).collect()
        };
        let mut x: u64 = chars.first().map(|c| (*c as u64) << 7).unwrap_or(0);
        for c in &chars {
            x = 1_000_003u64.wrapping_mul(x) ^ *c as u64;
        }
        x ^= chars.len() as u64;
        seed_from_biguint(&BigUint::from(x))
    } else if let (Some(t), 2) = (&text, version) {
        let mut all = t.clone();
        all.extend_from_slice(&sha512(t));
        seed_from_biguint(&BigUint::from_bytes_be(&all))
    } else {
        match vm.num_of(a) {
            Some(Num::I(i)) if !matches!(a, Value::Float(_)) => {
                seed_from_biguint(&BigUint::from(i.unsigned_abs()))
            }
            Some(Num::B(b)) => seed_from_biguint(&b.abs().to_biguint().unwrap_or_default()),
            Some(Num::F(_)) => {
                let h = vm.hash(a)?;
                seed_from_biguint(&BigUint::from(h as u64))
            }
            _ if text.is_some() => {
                let h = vm.hash(a)?;
                seed_from_biguint(&BigUint::from(h as u64))
            }
            _ => return Err(vm.new_type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray."
                    .into(),
            )),
        }
    };
    if let Some(s) = state_mut(vm, this) {
        s.mt = Some(mt);
        s.gauss_next = None;
    }
    Ok(Value::None)
}

fn r_new(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|v| v.obj()) else {
        return Err(vm.new_type_error("Random.__new__(): not enough arguments".into()));
    };
    let r = vm.heap.alloc(
        cls,
        Kind::Opaque(Box::new(RandomState {
            mt: None,
            gauss_next: None,
        })),
    );
    if vm.class_data(cls).bases.first() != Some(&vm.types.object) {
        let d = vm.new_dict();
        vm.heap.get_mut(r).set_dict(Some(d));
    }
    Ok(Value::Obj(r))
}

/// `Random(x=None)`.
fn r_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("Random.__init__", ["x"]).python_method();
    let [x] = SPEC.parse(vm, &args[1..], kw)?;
    let x = x.unwrap_or(Value::None);
    if x.is_none() {
        // Seeded from the OS when first used.
        if let Some(s) = state_mut(vm, args[0]) {
            s.mt = None;
            s.gauss_next = None;
        }
        return Ok(Value::None);
    }
    r_seed(vm, &[args[0], x], &[])
}

fn r_random(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("random", &args[1..], 0, 0)?;
    Ok(Value::Float(gen(vm, args[0])?.random()))
}

fn r_getrandbits(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("getrandbits", &args[1..], 1, 1)?;
    let k = vm.expect_int(args[1], "k")?;
    if k < 0 {
        return Err(vm.new_value_error("number of bits must be non-negative".into()));
    }
    let mt = gen(vm, args[0])?;
    if k > MAX_BITS {
        return Err(vm.new_error(vm.types.memory_error, String::new()));
    }
    if k <= 63 {
        let v = mt.bits64(k as u32);
        return Ok(Value::Int(v as i64));
    }
    let b = mt.bits_big(k as u64);
    Ok(vm.new_bigint(BigInt::from_biguint(Sign::Plus, b)))
}

fn r_randbytes(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("randbytes", &args[1..], 1, 1)?;
    let n = vm.expect_int(args[1], "n")?;
    if n < 0 {
        return Err(vm.new_value_error("number of bits must be non-negative".into()));
    }
    if n > MAX_BITS / 8 {
        return Err(vm.new_error(vm.types.memory_error, String::new()));
    }
    let n = n as usize;
    let mt = gen(vm, args[0])?;
    let mut bytes = if n == 0 {
        vec![]
    } else {
        mt.bits_big(n as u64 * 8).to_bytes_le()
    };
    bytes.resize(n, 0);
    Ok(vm.new_bytes(bytes))
}

/// An integer argument of randrange: int, or an integral float (deprecated in CPython).
fn range_int(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    match vm.num_of(v) {
        Some(Num::I(i)) if !matches!(v, Value::Float(_)) => Ok(BigInt::from(i)),
        Some(Num::B(b)) => Ok(b),
        Some(Num::F(f)) => {
            if f.fract() != 0.0 || !f.is_finite() {
                return Err(vm.new_value_error(format!("non-integer {what} for randrange()")));
            }
            Ok(BigInt::from(f as i64))
        }
        _ => match vm.index_of(v)? {
            Some(i) => Ok(BigInt::from(i)),
            None => {
                let t = vm.type_name(v);
                Err(vm.new_type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
                )))
            }
        },
    }
}

/// `_randbelow(n)` for n > 0 (any size).
fn randbelow(vm: &mut Vm, this: Value, n: &BigInt) -> PyResult<BigInt> {
    let mt = gen(vm, this)?;
    if let Some(s) = n.to_u64() {
        return Ok(BigInt::from(mt.below(s)));
    }
    let nu = n.to_biguint().unwrap_or_default();
    Ok(BigInt::from_biguint(Sign::Plus, mt.below_big(&nu)))
}

fn randrange_impl(
    vm: &mut Vm,
    this: Value,
    start: Value,
    stop: Value,
    step: Value,
) -> PyResult<Value> {
    // Fast path: small ints, step 1.
    if let (Value::Int(a), Value::Int(b), Value::Int(1)) = (start, stop, step) {
        if b > a {
            if let Some(w) = b.checked_sub(a) {
                let r = gen(vm, this)?.below(w as u64) as i64;
                return Ok(Value::Int(a + r));
            }
        }
    }
    let istart = range_int(vm, start, "arg 1")?;
    if stop.is_none() {
        if !matches!(step, Value::Int(1)) {
            return Err(vm.new_type_error("Missing a non-None stop argument".into()));
        }
        if istart.is_positive() {
            let r = randbelow(vm, this, &istart)?;
            return Ok(vm.new_bigint(r));
        }
        return Err(vm.new_value_error("empty range for randrange()".into()));
    }
    let istop = range_int(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = range_int(vm, step, "step")?;
    if istep == BigInt::from(1) {
        if width.is_positive() {
            let r = randbelow(vm, this, &width)?;
            return Ok(vm.new_bigint(istart + r));
        }
        return Err(vm.new_value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(vm.new_value_error("zero step for randrange()".into()));
    };
    if !n.is_positive() {
        return Err(vm.new_value_error("empty range for randrange()".into()));
    }
    let r = randbelow(vm, this, &n)?;
    Ok(vm.new_bigint(istart + istep * r))
}

/// `randrange(start, stop=None, step=1)`.
fn r_randrange(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("Random.randrange", ["start", "stop", "step"])
        .required(1)
        .python_method();
    let [start, stop, step] = SPEC.parse(vm, &args[1..], kw)?;
    let (start, stop) = (start.unwrap_or(Value::None), stop.unwrap_or(Value::None));
    randrange_impl(vm, args[0], start, stop, step.unwrap_or(Value::Int(1)))
}

/// `randint(a, b)`.
fn r_randint(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.randint", ["a", "b"])
        .required(2)
        .python_method();
    let [a, b] = SPEC.parse(vm, &args[1..], kw)?;
    let (a, b) = (a.unwrap_or(Value::None), b.unwrap_or(Value::None));
    let stop = match b {
        Value::Int(b) if b < i64::MAX => Value::Int(b + 1),
        other => {
            let one = Value::Int(1);
            vm.binary_op(other, one, revpy_compiler::opcodes::BinOp::Add)?
        }
    };
    randrange_impl(vm, args[0], a, stop, Value::Int(1))
}

/// `choice(seq)`.
fn r_choice(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("Random.choice", ["seq"])
        .required(1)
        .python_method();
    let [seq] = SPEC.parse(vm, &args[1..], kw)?;
    let seq = seq.unwrap_or(Value::None);
    let n = vm.len(seq)?;
    if n == 0 {
        return Err(vm.new_index_error("Cannot choose from an empty sequence"));
    }
    let i = gen(vm, args[0])?.below(n as u64);
    vm.getitem(seq, Value::Int(i as i64))
}

/// `shuffle(x)`.
fn r_shuffle(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("Random.shuffle", ["x"])
        .required(1)
        .python_method();
    let [x] = SPEC.parse(vm, &args[1..], kw)?;
    let x = x.unwrap_or(Value::None);
    let n = vm.len(x)?;
    if n < 2 {
        return Ok(Value::None);
    }
    let mt = gen(vm, args[0])?;
    let swaps: Vec<(usize, usize)> = (1..n)
        .rev()
        .map(|i| (i, mt.below(i as u64 + 1) as usize))
        .collect();
    if let Some(r) = x.obj() {
        if let Kind::List(items) = vm.heap.kind_mut(r) {
            if items.len() == n {
                for (i, j) in swaps {
                    items.swap(i, j);
                }
                return Ok(Value::None);
            }
        }
    }
    for (i, j) in swaps {
        let (a, b) = (Value::Int(i as i64), Value::Int(j as i64));
        let xi = vm.getitem(x, a)?;
        let xj = vm.getitem(x, b)?;
        vm.setitem(x, a, xj)?;
        vm.setitem(x, b, xi)?;
    }
    Ok(Value::None)
}

/// `sample(population, k, *, counts=None)`.
fn r_sample(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> = KwSpec::new("Random.sample", ["population", "k", "counts"])
        .required(2)
        .positional(2)
        .python_method();
    let [pop, kv, counts] = SPEC.parse(vm, &args[1..], kw)?;
    let [pop, kv, counts] = [pop, kv, counts].map(|v| v.unwrap_or(Value::None));
    if let Some(r) = pop.obj() {
        if matches!(
            vm.heap.kind(r),
            Kind::Set(_) | Kind::FrozenSet(_) | Kind::Dict(_)
        ) {
            return Err(vm.new_type_error(
                "Population must be a sequence.  For dicts or sets, use sorted(d).".into(),
            ));
        }
    }
    let n = vm.len(pop)?;
    let k = vm.expect_int(kv, "k")?;
    if !counts.is_none() {
        let cs = vm.iterate_rooted(counts)?;
        if cs.len() != n {
            return Err(
                vm.new_value_error("The number of counts does not match the population".into())
            );
        }
        let mut cum = vec![];
        let mut total: i64 = 0;
        for c in cs {
            match c {
                Value::Int(i) => total += i,
                _ => return Err(vm.new_type_error("Counts must be integers".into())),
            }
            cum.push(total);
        }
        cum.pop();
        if total <= 0 {
            return Err(vm.new_value_error("Total of counts must be greater than zero".into()));
        }
        let range = vm.new_range(BigInt::from(0), BigInt::from(total), BigInt::from(1));
        let kk = Value::Int(k);
        let sel = r_sample(vm, &[args[0], range, kk], &[])?;
        let sel = vm.list_items(sel);
        let mut out = vec![];
        for s in sel {
            let s = match s {
                Value::Int(i) => i,
                _ => 0,
            };
            let idx = cum.partition_point(|c| *c <= s);
            out.push(vm.getitem(pop, Value::Int(idx as i64))?);
        }
        return Ok(vm.new_list(out));
    }
    if k < 0 || k as usize > n {
        return Err(vm.new_value_error("Sample larger than population or is negative".into()));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        let e = (((k * 3) as f64).ln() / 4f64.ln()).ceil();
        setsize += 4usize.saturating_pow(e as u32);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = vm.iterate_rooted(pop)?;
        let mt = gen(vm, args[0])?;
        for i in 0..k {
            let j = mt.below((n - i) as u64) as usize;
            result.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        let mut idx = Vec::with_capacity(k);
        let mt = gen(vm, args[0])?;
        for _ in 0..k {
            let mut j = mt.below(n as u64);
            while selected.contains(&j) {
                j = mt.below(n as u64);
            }
            selected.insert(j);
            idx.push(j);
        }
        for j in idx {
            result.push(vm.getitem(pop, Value::Int(j as i64))?);
        }
    }
    Ok(vm.new_list(result))
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`.
fn r_choices(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<4> = KwSpec::new(
        "Random.choices",
        ["population", "weights", "cum_weights", "k"],
    )
    .required(1)
    .positional(2)
    .python_method();
    let [pop, weights, cum, kv] = SPEC.parse(vm, &args[1..], kw)?;
    let [pop, weights, cum] = [pop, weights, cum].map(|v| v.unwrap_or(Value::None));
    let kv = kv.unwrap_or(Value::Int(1));
    let k = vm.expect_int(kv, "k")?.max(0) as usize;
    let n = vm.len(pop)?;
    let cum_w: Vec<f64> = if cum.is_none() {
        if weights.is_none() {
            let nf = n as f64;
            let mut picks = Vec::with_capacity(k);
            let mt = gen(vm, args[0])?;
            for _ in 0..k {
                picks.push((mt.random() * nf).floor() as i64);
            }
            let mut out = Vec::with_capacity(k);
            for i in picks {
                out.push(vm.getitem(pop, Value::Int(i))?);
            }
            return Ok(vm.new_list(out));
        }
        if let Value::Int(w) = weights {
            return Err(vm.new_type_error(format!(
                "The number of choices must be a keyword argument: k={w}"
            )));
        }
        let ws = vm.iterate_rooted(weights)?;
        let mut acc = Vec::with_capacity(ws.len());
        let mut total = 0.0f64;
        for (i, w) in ws.iter().enumerate() {
            let x = arg_f64(vm, *w)?;
            total = if i == 0 { x } else { total + x };
            acc.push(total);
        }
        acc
    } else {
        if !weights.is_none() {
            return Err(
                vm.new_type_error("Cannot specify both weights and cumulative weights".into())
            );
        }
        let ws = vm.iterate_rooted(cum)?;
        let mut acc = Vec::with_capacity(ws.len());
        for w in ws {
            acc.push(arg_f64(vm, w)?);
        }
        acc
    };
    if cum_w.len() != n {
        return Err(
            vm.new_value_error("The number of weights does not match the population".into())
        );
    }
    let total = cum_w.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(vm.new_value_error("Total of weights must be greater than zero".into()));
    }
    if !total.is_finite() {
        return Err(vm.new_value_error("Total of weights must be finite".into()));
    }
    let hi = n - 1;
    let mut picks = Vec::with_capacity(k);
    let mt = gen(vm, args[0])?;
    for _ in 0..k {
        let x = mt.random() * total;
        // bisect_right(cum_w, x, 0, hi)
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if x < cum_w[mid] {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        picks.push(lo);
    }
    let mut out = Vec::with_capacity(k);
    for i in picks {
        out.push(vm.getitem(pop, Value::Int(i as i64))?);
    }
    Ok(vm.new_list(out))
}

/// A float parameter of a distribution, or its default.
fn f_arg(vm: &mut Vm, v: Option<Value>, default: f64) -> PyResult<f64> {
    match v {
        Some(v) => arg_f64(vm, v),
        None => Ok(default),
    }
}

/// `uniform(a, b)`.
fn r_uniform(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.uniform", ["a", "b"])
        .required(2)
        .python_method();
    let [a, b] = SPEC.parse(vm, &args[1..], kw)?;
    let a = f_arg(vm, a, 0.0)?;
    let b = f_arg(vm, b, 0.0)?;
    let r = gen(vm, args[0])?.random();
    Ok(Value::Float(a + (b - a) * r))
}

/// `triangular(low=0.0, high=1.0, mode=None)`.
fn r_triangular(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<3> =
        KwSpec::new("Random.triangular", ["low", "high", "mode"]).python_method();
    let [low, high, mode] = SPEC.parse(vm, &args[1..], kw)?;
    let mut low = f_arg(vm, low, 0.0)?;
    let mut high = f_arg(vm, high, 1.0)?;
    let mode = mode.unwrap_or(Value::None);
    let u0 = gen(vm, args[0])?.random();
    let mut c = if mode.is_none() {
        0.5
    } else {
        let m = arg_f64(vm, mode)?;
        if high - low == 0.0 {
            return Ok(Value::Float(low));
        }
        (m - low) / (high - low)
    };
    let mut u = u0;
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}

/// `gauss(mu=0.0, sigma=1.0)`.
fn r_gauss(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.gauss", ["mu", "sigma"]).python_method();
    let [mu, sigma] = SPEC.parse(vm, &args[1..], kw)?;
    let mu = f_arg(vm, mu, 0.0)?;
    let sigma = f_arg(vm, sigma, 1.0)?;
    gen(vm, args[0])?;
    let st = state_mut(vm, args[0]).expect("checked by gen");
    let z = match st.gauss_next.take() {
        Some(z) => z,
        None => {
            let mt = st.mt.as_mut().expect("seeded");
            let x2pi = mt.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - mt.random()).ln()).sqrt();
            st.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::Float(mu + z * sigma))
}

/// `normalvariate(mu=0.0, sigma=1.0)`.
fn r_normalvariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.normalvariate", ["mu", "sigma"]).python_method();
    let [mu, sigma] = SPEC.parse(vm, &args[1..], kw)?;
    let mu = f_arg(vm, mu, 0.0)?;
    let sigma = f_arg(vm, sigma, 1.0)?;
    normal(vm, args[0], mu, sigma)
}

/// A normal variate (Kinderman and Monahan's method, as CPython).
fn normal(vm: &mut Vm, this: Value, mu: f64, sigma: f64) -> PyResult<Value> {
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    let mt = gen(vm, this)?;
    let z = loop {
        let u1 = mt.random();
        let u2 = 1.0 - mt.random();
        let z = magic * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            break z;
        }
    };
    Ok(Value::Float(mu + z * sigma))
}

/// `lognormvariate(mu, sigma)`.
fn r_lognormvariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.lognormvariate", ["mu", "sigma"])
        .required(2)
        .python_method();
    let [mu, sigma] = SPEC.parse(vm, &args[1..], kw)?;
    let mu = f_arg(vm, mu, 0.0)?;
    let sigma = f_arg(vm, sigma, 1.0)?;
    let v = normal(vm, args[0], mu, sigma)?;
    match v {
        Value::Float(f) => Ok(Value::Float(f.exp())),
        other => Ok(other),
    }
}

/// `expovariate(lambd)`.
fn r_expovariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("Random.expovariate", ["lambd"])
        .required(1)
        .python_method();
    let [lambd] = SPEC.parse(vm, &args[1..], kw)?;
    let lambd = f_arg(vm, lambd, 1.0)?;
    let r = gen(vm, args[0])?.random();
    if lambd == 0.0 {
        return Err(vm.new_zero_division("float division by zero"));
    }
    Ok(Value::Float(-(1.0 - r).ln() / lambd))
}

/// Python's float `%`: the result has the sign of the divisor.
fn py_fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

fn r_vonmisesvariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.vonmisesvariate", ["mu", "kappa"])
        .required(2)
        .python_method();
    let [mu, kappa] = SPEC.parse(vm, &args[1..], kw)?;
    let mu = f_arg(vm, mu, 0.0)?;
    let kappa = f_arg(vm, kappa, 0.0)?;
    let tau = std::f64::consts::TAU;
    let mt = gen(vm, args[0])?;
    if kappa <= 1e-6 {
        return Ok(Value::Float(tau * mt.random()));
    }
    let s = 0.5 / kappa;
    let r = s + (1.0 + s * s).sqrt();
    let z = loop {
        let u1 = mt.random();
        let z = (std::f64::consts::PI * u1).cos();
        let d = z / (r + z);
        let u2 = mt.random();
        if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
            break z;
        }
    };
    let q = 1.0 / r;
    let f = (q + z) / (1.0 + q * z);
    let u3 = mt.random();
    let theta = if u3 > 0.5 {
        py_fmod(mu + f.acos(), tau)
    } else {
        py_fmod(mu - f.acos(), tau)
    };
    Ok(Value::Float(theta))
}

/// CPython's `gammavariate` (Cheng's algorithm for alpha > 1, Kennedy & Gentle's GS
/// for alpha < 1), drawing from `mt` in the same order.
fn gamma(mt: &mut Mt, alpha: f64, beta: f64) -> f64 {
    if alpha > 1.0 {
        let log4 = 4.0f64.ln();
        let sg_magicconst = 1.0 + 4.5f64.ln();
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - log4;
        let ccc = alpha + ainv;
        loop {
            let u1 = mt.random();
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - mt.random();
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + sg_magicconst - 4.5 * z >= 0.0 || r >= z.ln() {
                return x * beta;
            }
        }
    } else if alpha == 1.0 {
        -(1.0 - mt.random()).ln() * beta
    } else {
        let e = std::f64::consts::E;
        let x = loop {
            let u = mt.random();
            let b = (e + alpha) / e;
            let p = b * u;
            let x = if p <= 1.0 {
                p.powf(1.0 / alpha)
            } else {
                -((b - p) / alpha).ln()
            };
            let u1 = mt.random();
            if p > 1.0 {
                if u1 <= x.powf(alpha - 1.0) {
                    break x;
                }
            } else if u1 <= (-x).exp() {
                break x;
            }
        };
        x * beta
    }
}

fn gamma_args_ok(vm: &mut Vm, alpha: f64, beta: f64) -> PyResult<()> {
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(vm.new_value_error("gammavariate: alpha and beta must be > 0.0".into()));
    }
    Ok(())
}

fn r_gammavariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.gammavariate", ["alpha", "beta"])
        .required(2)
        .python_method();
    let [alpha, beta] = SPEC.parse(vm, &args[1..], kw)?;
    let alpha = f_arg(vm, alpha, 0.0)?;
    let beta = f_arg(vm, beta, 0.0)?;
    gamma_args_ok(vm, alpha, beta)?;
    let mt = gen(vm, args[0])?;
    Ok(Value::Float(gamma(mt, alpha, beta)))
}

fn r_betavariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.betavariate", ["alpha", "beta"])
        .required(2)
        .python_method();
    let [alpha, beta] = SPEC.parse(vm, &args[1..], kw)?;
    let alpha = f_arg(vm, alpha, 0.0)?;
    let beta = f_arg(vm, beta, 0.0)?;
    gamma_args_ok(vm, alpha, 1.0)?;
    let mt = gen(vm, args[0])?;
    let y = gamma(mt, alpha, 1.0);
    if y != 0.0 {
        if beta <= 0.0 {
            return Err(vm.new_value_error("gammavariate: alpha and beta must be > 0.0".into()));
        }
        let mt = gen(vm, args[0])?;
        let y2 = gamma(mt, beta, 1.0);
        return Ok(Value::Float(y / (y + y2)));
    }
    Ok(Value::Float(0.0))
}

fn r_paretovariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<1> = KwSpec::new("Random.paretovariate", ["alpha"])
        .required(1)
        .python_method();
    let [alpha] = SPEC.parse(vm, &args[1..], kw)?;
    let alpha = f_arg(vm, alpha, 0.0)?;
    let u = 1.0 - gen(vm, args[0])?.random();
    if alpha == 0.0 {
        return Err(vm.new_zero_division("float division by zero"));
    }
    Ok(Value::Float(u.powf(-1.0 / alpha)))
}

fn r_weibullvariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const SPEC: KwSpec<2> = KwSpec::new("Random.weibullvariate", ["alpha", "beta"])
        .required(2)
        .python_method();
    let [alpha, beta] = SPEC.parse(vm, &args[1..], kw)?;
    let alpha = f_arg(vm, alpha, 0.0)?;
    let beta = f_arg(vm, beta, 0.0)?;
    let u = 1.0 - gen(vm, args[0])?.random();
    if beta == 0.0 {
        return Err(vm.new_zero_division("float division by zero"));
    }
    Ok(Value::Float(alpha * (-u.ln()).powf(1.0 / beta)))
}

fn r_getstate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let mt = gen(vm, args[0])?.clone();
    let gauss = state_mut(vm, args[0]).and_then(|s| s.gauss_next);
    let mut items: Vec<Value> = mt.state.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(mt.index as i64));
    let inner = vm.new_tuple(items);
    let g = gauss.map(Value::Float).unwrap_or(Value::None);
    Ok(vm.new_tuple(vec![Value::Int(3), inner, g]))
}

fn r_setstate(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("setstate", &args[1..], 1, 1)?;
    let parts = vm.iterate(args[1])?;
    if parts.len() != 3 {
        return Err(vm.new_type_error("state vector must be a tuple".into()));
    }
    let version = vm.expect_int(parts[0], "version")?;
    if version != 3 && version != 2 {
        return Err(vm.new_value_error(format!(
            "state with version {version} passed to Random.setstate() of version 3"
        )));
    }
    let words = vm.iterate(parts[1])?;
    if words.len() != N + 1 {
        return Err(vm.new_value_error("state vector is the wrong size".into()));
    }
    let mut mt = Mt::new();
    for (i, w) in words[..N].iter().enumerate() {
        let x = match vm.num_of(*w) {
            Some(Num::I(i)) => i,
            Some(Num::B(b)) => (b % BigInt::from(1u64 << 32)).to_i64().unwrap_or(0),
            _ => return Err(vm.new_type_error("state vector items must be integers".into())),
        };
        mt.state[i] = x as u32;
    }
    let idx = vm.expect_int(words[N], "index")?;
    if !(0..=N as i64).contains(&idx) {
        return Err(vm.new_value_error("invalid state".into()));
    }
    mt.index = idx as usize;
    let g = match parts[2] {
        Value::None => None,
        v => Some(arg_f64(vm, v)?),
    };
    match state_mut(vm, args[0]) {
        Some(s) => {
            s.mt = Some(mt);
            s.gauss_next = g;
        }
        None => return Err(bad_self(vm, args[0])),
    }
    Ok(Value::None)
}

/// The methods a subclass gets from `_sysrandom` (CPython's Python code) when it
/// overrides `random()`, `getrandbits()` or `_randbelow()`: they draw through
/// the override, as CPython's do.
const PY_METHODS: &[&str] = &[
    "randbytes",
    "randrange",
    "randint",
    "choice",
    "shuffle",
    "sample",
    "choices",
    "uniform",
    "triangular",
    "normalvariate",
    "gauss",
    "lognormvariate",
    "expovariate",
    "vonmisesvariate",
    "gammavariate",
    "betavariate",
    "paretovariate",
    "weibullvariate",
    "_randbelow_with_getrandbits",
    "_randbelow_without_getrandbits",
];

/// `Random.__init_subclass__`: as CPython's, a subclass that overrides
/// `getrandbits` draws integers with it and one that overrides only `random`
/// draws them from `random()`; the other methods then go through those. The
/// native methods draw from the generator directly, so such a subclass gets
/// the Python versions (CPython's code, from `_sysrandom`) of the methods it
/// does not define itself.
fn r_init_subclass(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if let Some((k, _)) = kw.first() {
        let k = vm.str_of(*k).to_string();
        return Err(vm.new_type_error(format!(
            "Random.__init_subclass__() got an unexpected keyword argument '{k}'"
        )));
    }
    let Some(cls) = args[0].obj() else {
        return Ok(Value::None);
    };
    let mro = vm.class_data(cls).mro.clone();
    let mut mode = None;
    let mut user_classes = vec![];
    for c in mro {
        if vm.class_data(c).is_builtin {
            break;
        }
        user_classes.push(c);
        if mode.is_some() {
            continue;
        }
        let d = vm.class_data(c).dict;
        for (name, m) in [
            ("_randbelow", "inherit"),
            ("getrandbits", "with"),
            ("random", "without"),
        ] {
            let k = vm.intern(name);
            if vm.dict_get(d, k)?.is_some() {
                mode = Some(m);
                break;
            }
        }
    }
    let Some(mode) = mode else {
        return Ok(Value::None);
    };
    let sysrandom = vm.load_module("_sysrandom", None)?;
    let sr = vm.intern("SystemRandom");
    let src = vm.getattr(sysrandom, sr)?;
    let src_dict = match src.obj() {
        Some(r) => vm.class_data(r).dict,
        None => return Ok(Value::None),
    };
    let cd = vm.class_data(cls).dict;
    let defined = |vm: &mut Vm, name: Value| -> PyResult<bool> {
        for &c in &user_classes {
            let d = vm.class_data(c).dict;
            if vm.dict_get(d, name)?.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    };
    for n in PY_METHODS {
        let k = vm.intern(n);
        if defined(vm, k)? {
            continue;
        }
        if let Some(f) = vm.dict_get(src_dict, k)? {
            vm.setattr(Value::Obj(cls), k, f)?;
        }
    }
    let rb = vm.intern("_randbelow");
    let chosen = match mode {
        "with" => Some("_randbelow_with_getrandbits"),
        "without" => Some("_randbelow_without_getrandbits"),
        _ => None,
    };
    if let Some(c) = chosen {
        let k = vm.intern(c);
        if let Some(f) = vm.dict_get(cd, k)? {
            vm.setattr(Value::Obj(cls), rb, f)?;
        }
    }
    // `gauss` keeps its second value here (instances of the native class
    // keep it in the generator state).
    let gn = vm.intern("gauss_next");
    if !defined(vm, gn)? {
        vm.setattr(Value::Obj(cls), gn, Value::None)?;
    }
    Ok(Value::None)
}

/// Module `__getattr__`: `random.SystemRandom` comes from `_sysrandom` (written in
/// Python), imported on first use so that `import random` stays cheap.
fn m_getattr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    vm.check_args("__getattr__", args, 1, 1)?;
    if vm.as_str(args[0]) == Some("SystemRandom") {
        let sysrandom = vm.load_module("_sysrandom", None)?;
        return vm.getattr(sysrandom, args[0]);
    }
    let n = vm.str_of(args[0]).to_string();
    Err(vm.new_error(
        vm.types.attribute_error,
        format!("module 'random' has no attribute '{n}'"),
    ))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("random");
    let d = vm.module_dict(m);
    let obj = vm.types.object;
    let cls = vm.new_native_class("Random", obj, "random");
    vm.add_staticmethod(cls, "__new__", r_new, Arity::any().kw());
    let methods: &[NativeDef] = &[
        ("__init__", r_init, Arity::parsed()),
        ("seed", r_seed, Arity::parsed()),
        ("random", r_random, Arity::none()),
        ("getrandbits", r_getrandbits, Arity::exactly(1)),
        ("randbytes", r_randbytes, Arity::exactly(1)),
        ("randrange", r_randrange, Arity::parsed()),
        ("randint", r_randint, Arity::parsed()),
        ("choice", r_choice, Arity::parsed()),
        ("shuffle", r_shuffle, Arity::parsed()),
        ("sample", r_sample, Arity::parsed()),
        ("choices", r_choices, Arity::parsed()),
        ("uniform", r_uniform, Arity::parsed()),
        ("triangular", r_triangular, Arity::parsed()),
        ("gauss", r_gauss, Arity::parsed()),
        ("normalvariate", r_normalvariate, Arity::parsed()),
        ("lognormvariate", r_lognormvariate, Arity::parsed()),
        ("expovariate", r_expovariate, Arity::parsed()),
        ("vonmisesvariate", r_vonmisesvariate, Arity::parsed()),
        ("gammavariate", r_gammavariate, Arity::parsed()),
        ("betavariate", r_betavariate, Arity::parsed()),
        ("paretovariate", r_paretovariate, Arity::parsed()),
        ("weibullvariate", r_weibullvariate, Arity::parsed()),
        ("getstate", r_getstate, Arity::none()),
        ("setstate", r_setstate, Arity::exactly(1)),
    ];
    vm.add_methods(cls, methods);
    vm.add_classmethod(cls, "__init_subclass__", r_init_subclass, Arity::any().kw());
    let k = vm.intern("Random");
    vm.dict_set(d, k, Value::Obj(cls))?;
    let (k, cd) = (vm.intern("VERSION"), vm.class_data(cls).dict);
    vm.dict_set(cd, k, Value::Int(3))?;
    let consts = [
        ("NV_MAGICCONST", 4.0 * (-0.5f64).exp() / 2.0f64.sqrt()),
        ("TWOPI", std::f64::consts::TAU),
        ("LOG4", 4.0f64.ln()),
        ("SG_MAGICCONST", 1.0 + 4.5f64.ln()),
        ("RECIP_BPF", 2.0f64.powi(-53)),
    ];
    for (n, v) in consts {
        let k = vm.intern(n);
        vm.dict_set(d, k, Value::Float(v))?;
    }
    let k = vm.intern("BPF");
    vm.dict_set(d, k, Value::Int(53))?;
    vm.add_function(d, "__getattr__", m_getattr, Arity::exactly(1));
    let inst = vm.heap.alloc(
        cls,
        Kind::Opaque(Box::new(RandomState {
            mt: None,
            gauss_next: None,
        })),
    );
    let ik = vm.intern("_inst");
    vm.dict_set(d, ik, Value::Obj(inst))?;
    for (n, _, _) in methods.iter().filter(|(n, _, _)| !n.starts_with("__")) {
        let name = vm.intern(n);
        let bound = vm.getattr(Value::Obj(inst), name)?;
        vm.dict_set(d, name, bound)?;
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_of_abc() {
        let h = sha512(b"abc");
        assert_eq!(h[..4], [0xdd, 0xaf, 0x35, 0xa1]);
        assert_eq!(h[60..], [0xa5, 0x4c, 0xa4, 0x9f]);
    }

    #[test]
    fn mt_seed_42_matches_cpython() {
        // random.seed(42); random.random() == 0.6394267984578837
        let mt = &mut seed_from_biguint(&BigUint::from(42u32));
        assert_eq!(mt.random(), 0.6394267984578837);
    }
}
