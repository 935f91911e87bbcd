//! "Did you mean: 'sqrt'?" after an uncaught `NameError` or `AttributeError`:
//! CPython 3.11's `Python/suggestions.c`, the same distance and limits, so
//! the same names are offered.

use crate::object::{Kind, ObjRef, Value};
use crate::Vm;

/// Candidates beyond this many: no suggestion (as CPython).
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Names longer than this (after trimming common ends) never match.
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of two UTF-8 names (case flips cost half), or more than
/// `max_cost` as soon as it must be.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest of `names` to `name`, if close enough.
fn closest(names: &[String], name: &str) -> Option<String> {
    if names.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_distance = usize::MAX;
    for item in names {
        if item == name {
            continue;
        }
        // No more than 1/3 of the involved characters should need changing.
        let max = ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance - 1);
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best.cloned()
}

impl Vm {
    /// What CPython adds to the last line of an uncaught exception's report:
    /// `. Did you mean: 'x'?` for a `NameError` (the raising frame's variables,
    /// then its globals, then the builtins) or an `AttributeError` (`dir(obj)`)
    /// carrying the missing `name`.
    pub(crate) fn suggestion_for(&mut self, e: ObjRef) -> Option<String> {
        let attribute = self.isinstance_ref(e, self.types.attribute_error);
        if !attribute && !self.isinstance_ref(e, self.types.name_error) {
            return None;
        }
        let name = self.instance_attr(Value::Obj(e), self.names.name)?;
        let name = self.as_str(name)?.to_string();
        let found = if attribute {
            let obj = self.instance_attr(Value::Obj(e), self.names.obj)?;
            let names = crate::builtins::introspection::dir_names(self, obj).ok()?;
            closest(&names, &name)
        } else {
            let (code, globals) = match self.heap.kind(e) {
                Kind::Exception(x) => {
                    let t = x.traceback.first()?;
                    (t.code.clone(), t.globals)
                }
                _ => return None,
            };
            let c = &code.code;
            let locals: Vec<String> = c
                .varnames
                .iter()
                .chain(&c.cellvars)
                .chain(&c.freevars)
                .map(|s| s.to_string())
                .collect();
            let keys = |vm: &Vm, d: Value| -> Vec<String> {
                match d {
                    Value::Obj(d) if matches!(vm.heap.kind(d), Kind::Dict(_)) => vm
                        .dict_items(d)
                        .into_iter()
                        .filter_map(|(k, _)| vm.as_str(k).map(|s| s.to_string()))
                        .collect(),
                    _ => vec![],
                }
            };
            let builtins = Value::Obj(self.builtins);
            closest(&locals, &name)
                .or_else(|| closest(&keys(self, globals), &name))
                .or_else(|| closest(&keys(self, builtins), &name))
        };
        found.map(|s| format!(". Did you mean: '{s}'?"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn offers_what_cpython_offers() {
        let math = names(&["sqrt", "sin", "pi", "floor"]);
        assert_eq!(closest(&math, "sqr").as_deref(), Some("sqrt"));
        assert_eq!(
            closest(&names(&["valeu"]), "value").as_deref(),
            Some("valeu")
        );
        assert_eq!(closest(&names(&["Name"]), "name").as_deref(), Some("Name"));
        assert_eq!(closest(&names(&["completely"]), "x"), None);
        assert_eq!(closest(&names(&["x"]), "x"), None);
    }
}
