//! Timsort's machinery (listobject.c): galloping searches, the run stack with the
//! powersort merge policy, `merge_lo` / `merge_hi`, and `list_sort`, the entry point.

use super::{choose_cmp, Cmp, MIN_GALLOP};
use crate::object::Value;
use crate::{PyResult, Vm};

fn gallop_left(cmp: Cmp, vm: &mut Vm, key: Value, a: &[Value], hint: usize) -> PyResult<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let mut lastofs: isize = 0;
    let mut ofs: isize = 1;
    if cmp.lt(vm, a[hint as usize], key)? {
        // a[hint] < key: gallop right.
        let maxofs = n - hint;
        while ofs < maxofs {
            if cmp.lt(vm, a[(hint + ofs) as usize], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    } else {
        // key <= a[hint]: gallop left.
        let maxofs = hint + 1;
        while ofs < maxofs {
            if cmp.lt(vm, a[(hint - ofs) as usize], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if cmp.lt(vm, a[m as usize], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}
fn gallop_right(cmp: Cmp, vm: &mut Vm, key: Value, a: &[Value], hint: usize) -> PyResult<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let mut lastofs: isize = 0;
    let mut ofs: isize = 1;
    if cmp.lt(vm, key, a[hint as usize])? {
        // key < a[hint]: gallop left.
        let maxofs = hint + 1;
        while ofs < maxofs {
            if cmp.lt(vm, key, a[(hint - ofs) as usize])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        // a[hint] <= key: gallop right.
        let maxofs = n - hint;
        while ofs < maxofs {
            if cmp.lt(vm, key, a[(hint + ofs) as usize])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if cmp.lt(vm, key, a[m as usize])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}
/// The merge state: the keys, the values moved in parallel (when a key function is
/// used), the temporary arrays of the merges, and the stack of pending runs.
struct MergeState {
    cmp: Cmp,
    keys: Vec<Value>,
    vals: Option<Vec<Value>>,
    tmp_keys: Vec<Value>,
    tmp_vals: Vec<Value>,
    min_gallop: usize,
    pending: Vec<Run>,
}
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}
/// The "power" of the run at `s1` (length `n1`) followed by one of length `n2`, in a
/// list of length `n` (powersort; see CPython's listsort.txt).
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}
impl MergeState {
    fn lt(&self, vm: &mut Vm, v: Value, w: Value) -> PyResult<bool> {
        self.cmp.lt(vm, v, w)
    }

    /// Move `n` items within the main arrays (memmove).
    fn move_main(&mut self, src: usize, dst: usize, n: usize) {
        self.keys.copy_within(src..src + n, dst);
        if let Some(v) = &mut self.vals {
            v.copy_within(src..src + n, dst);
        }
    }

    /// Copy `n` items from the temp arrays into the main ones.
    fn copy_tmp(&mut self, src: usize, dst: usize, n: usize) {
        self.keys[dst..dst + n].copy_from_slice(&self.tmp_keys[src..src + n]);
        if let Some(v) = &mut self.vals {
            v[dst..dst + n].copy_from_slice(&self.tmp_vals[src..src + n]);
        }
    }

    /// Save `n` main items starting at `src` into the temp arrays.
    fn save_tmp(&mut self, src: usize, n: usize) {
        self.tmp_keys.clear();
        self.tmp_keys.extend_from_slice(&self.keys[src..src + n]);
        self.tmp_vals.clear();
        if let Some(v) = &self.vals {
            self.tmp_vals.extend_from_slice(&v[src..src + n]);
        }
    }

    fn reverse_slice(&mut self, lo: usize, n: usize) {
        self.keys[lo..lo + n].reverse();
        if let Some(v) = &mut self.vals {
            v[lo..lo + n].reverse();
        }
    }

    /// Binary insertion sort of `[lo, hi)`, of which `[lo, start)` is already sorted.
    fn binarysort(&mut self, vm: &mut Vm, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let mut l = lo;
            let mut r = start;
            let pivot = self.keys[r];
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt(vm, pivot, self.keys[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            self.keys.copy_within(l..start, l + 1);
            self.keys[l] = pivot;
            if let Some(v) = &mut self.vals {
                let pv = v[start];
                v.copy_within(l..start, l + 1);
                v[l] = pv;
            }
            start += 1;
        }
        Ok(())
    }

    /// Length of the run starting at `lo` (hi exclusive) and whether it descends
    /// strictly.
    fn count_run(&self, vm: &mut Vm, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        let mut p = lo + 1;
        if p == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        if self.lt(vm, self.keys[p], self.keys[p - 1])? {
            p += 1;
            while p < hi {
                if !self.lt(vm, self.keys[p], self.keys[p - 1])? {
                    break;
                }
                p += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            p += 1;
            while p < hi {
                if self.lt(vm, self.keys[p], self.keys[p - 1])? {
                    break;
                }
                p += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    fn merge_at(&mut self, vm: &mut Vm, i: usize) -> PyResult<()> {
        let Run {
            base: mut pa,
            len: mut na,
            ..
        } = self.pending[i];
        let Run {
            base: pb, len: nb, ..
        } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        if i + 3 == self.pending.len() {
            self.pending[i + 1] = self.pending[i + 2];
        }
        self.pending.pop();

        // Where does b start in a? Elements of a before that are in place.
        let key = self.keys[pb];
        let k = gallop_right(self.cmp, vm, key, &self.keys[pa..pa + na], 0)?;
        pa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Where does a end in b? Elements of b after that are in place.
        let key = self.keys[pa + na - 1];
        let nb = gallop_left(self.cmp, vm, key, &self.keys[pb..pb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(vm, pa, na, pb, nb)
        } else {
            self.merge_hi(vm, pa, na, pb, nb)
        }
    }

    fn merge_lo(
        &mut self,
        vm: &mut Vm,
        pa: usize,
        mut na: usize,
        pb: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        self.save_tmp(pa, na);
        let mut dest = pa;
        let mut ia = 0; // into the temp arrays
        let mut ib = pb; // into the main arrays
        let cmp = self.cmp;

        // Outcome: Ok(true) = CopyB, Ok(false) = Succeed, Err = Fail.
        let outcome: PyResult<bool> = (|| {
            self.move_main(ib, dest, 1);
            dest += 1;
            ib += 1;
            nb -= 1;
            if nb == 0 {
                return Ok(false);
            }
            if na == 1 {
                return Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    if cmp.lt(vm, self.keys[ib], self.tmp_keys[ia])? {
                        self.move_main(ib, dest, 1);
                        dest += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(false);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.copy_tmp(ia, dest, 1);
                        dest += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(true);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = self.keys[ib];
                    let k = gallop_right(cmp, vm, key, &self.tmp_keys[ia..ia + na], 0)?;
                    acount = k;
                    if k > 0 {
                        self.copy_tmp(ia, dest, k);
                        dest += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            return Ok(true);
                        }
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    self.move_main(ib, dest, 1);
                    dest += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(false);
                    }

                    let key = self.tmp_keys[ia];
                    let k = gallop_left(cmp, vm, key, &self.keys[ib..ib + nb], 0)?;
                    bcount = k;
                    if k > 0 {
                        self.move_main(ib, dest, k);
                        dest += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    self.copy_tmp(ia, dest, 1);
                    dest += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(true);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match outcome {
            Ok(true) => {
                // CopyB: the last item of a belongs at the end of the merge.
                self.move_main(ib, dest, nb);
                self.copy_tmp(ia, dest + nb, 1);
                Ok(())
            }
            other => {
                if na > 0 {
                    self.copy_tmp(ia, dest, na);
                }
                other.map(|_| ())
            }
        }
    }

    fn merge_hi(
        &mut self,
        vm: &mut Vm,
        pa: usize,
        mut na: usize,
        pb: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        self.save_tmp(pb, nb);
        // Signed indices: they may step one below the start of their arrays.
        let mut dest = (pb + nb - 1) as isize; // main
        let mut ia = (pa + na - 1) as isize; // main
        let mut ib = nb as isize - 1; // temp
        let basea = pa;
        let cmp = self.cmp;

        // Outcome: Ok(true) = CopyA, Ok(false) = Succeed, Err = Fail.
        let outcome: PyResult<bool> = (|| {
            self.move_main(ia as usize, dest as usize, 1);
            dest -= 1;
            ia -= 1;
            na -= 1;
            if na == 0 {
                return Ok(false);
            }
            if nb == 1 {
                return Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    if cmp.lt(vm, self.tmp_keys[ib as usize], self.keys[ia as usize])? {
                        self.move_main(ia as usize, dest as usize, 1);
                        dest -= 1;
                        ia -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            return Ok(false);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.copy_tmp(ib as usize, dest as usize, 1);
                        dest -= 1;
                        ib -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = self.tmp_keys[ib as usize];
                    let k = gallop_right(cmp, vm, key, &self.keys[basea..basea + na], na - 1)?;
                    let k = na - k;
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ia -= k as isize;
                        self.move_main((ia + 1) as usize, (dest + 1) as usize, k);
                        na -= k;
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    self.copy_tmp(ib as usize, dest as usize, 1);
                    dest -= 1;
                    ib -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(true);
                    }

                    let key = self.keys[ia as usize];
                    let k = gallop_left(cmp, vm, key, &self.tmp_keys[..nb], nb - 1)?;
                    let k = nb - k;
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ib -= k as isize;
                        self.copy_tmp((ib + 1) as usize, (dest + 1) as usize, k);
                        nb -= k;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    self.move_main(ia as usize, dest as usize, 1);
                    dest -= 1;
                    ia -= 1;
                    na -= 1;
                    if na == 0 {
                        return Ok(false);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match outcome {
            Ok(true) => {
                // CopyA: the first item of b belongs at the front of the merge.
                let (d, a) = ((dest + 1) as usize - na, (ia + 1) as usize - na);
                self.move_main(a, d, na);
                self.copy_tmp(ib as usize, d - 1, 1);
                Ok(())
            }
            other => {
                if nb > 0 {
                    self.copy_tmp(0, (dest + 1) as usize - nb, nb);
                }
                other.map(|_| ())
            }
        }
    }

    /// Powersort's merge policy for a newly found run of length `n2`.
    fn found_new_run(&mut self, vm: &mut Vm, n2: usize, listlen: usize) -> PyResult<()> {
        if let Some(top) = self.pending.last().copied() {
            let power = powerloop(top.base, top.len, n2, listlen);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                let i = self.pending.len() - 2;
                self.merge_at(vm, i)?;
            }
            let last = self.pending.len() - 1;
            self.pending[last].power = power;
        }
        Ok(())
    }

    fn force_collapse(&mut self, vm: &mut Vm) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(vm, n)?;
        }
        Ok(())
    }

    fn sort(&mut self, vm: &mut Vm) -> PyResult<()> {
        let listlen = self.keys.len();
        let mut nremaining = listlen;
        if nremaining < 2 {
            return Ok(());
        }
        let minrun = compute_minrun(nremaining);
        let mut lo = 0;
        while nremaining > 0 {
            let (mut n, descending) = self.count_run(vm, lo, lo + nremaining)?;
            if descending {
                self.reverse_slice(lo, n);
            }
            if n < minrun {
                let force = nremaining.min(minrun);
                self.binarysort(vm, lo, lo + force, lo + n)?;
                n = force;
            }
            self.found_new_run(vm, n, listlen)?;
            self.pending.push(Run {
                base: lo,
                len: n,
                power: 0,
            });
            lo += n;
            nremaining -= n;
        }
        self.force_collapse(vm)
    }
}

/// Sort `items` in place as CPython's `list.sort` does, comparing `keys` when given
/// (one per item, already computed) or the items themselves. On error the items are
/// left permuted as far as the sort got (and reversed back when `reverse`).
pub fn list_sort(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    keys: Option<Vec<Value>>,
    reverse: bool,
) -> PyResult<()> {
    if items.len() < 2 {
        return Ok(());
    }
    let (keys, vals) = match keys {
        None => (std::mem::take(items), None),
        Some(ks) => (ks, Some(std::mem::take(items))),
    };
    let cmp = choose_cmp(vm, &keys);
    let mut ms = MergeState {
        cmp,
        keys,
        vals,
        tmp_keys: Vec::new(),
        tmp_vals: Vec::new(),
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    if reverse {
        let n = ms.keys.len();
        ms.reverse_slice(0, n);
    }
    let r = ms.sort(vm);
    let mut out = match ms.vals {
        Some(v) => v,
        None => ms.keys,
    };
    if reverse {
        out.reverse();
    }
    *items = out;
    r
}
