//! A flame graph as SVG, from a profile's stacks: one rectangle per call path,
//! as wide as its instructions (callees included), callers below callees, with the
//! name written where it fits and the full name and counts in a tooltip (`<title>`).
//!
//! Written here rather than with the `inferno` crate: that is 16 more crates
//! (ahash with getrandom, quick-xml, num-format, rgb, ...) for what is 150 lines,
//! and its colours are random unless asked otherwise; this output is a function
//! of the profile alone, byte for byte.

use super::xml_escape;
use std::collections::BTreeMap;

const WIDTH: f64 = 1200.0;
const FRAME_H: f64 = 16.0;
const PAD_TOP: f64 = 40.0;
const PAD_BOTTOM: f64 = 10.0;
const PAD_SIDE: f64 = 10.0;
/// Narrower rectangles than this (pixels) are left out, as flamegraph.pl does.
const MIN_WIDTH: f64 = 0.1;
const CHAR_W: f64 = 7.0;

#[derive(Default)]
struct Tree {
    total: u64,
    children: BTreeMap<String, Tree>,
}

impl Tree {
    fn add(&mut self, labels: &[String], w: u64) {
        self.total += w;
        if let Some((first, rest)) = labels.split_first() {
            self.children.entry(first.clone()).or_default().add(rest, w);
        }
    }
    fn depth(&self) -> usize {
        self.children
            .values()
            .map(|c| c.depth() + 1)
            .max()
            .unwrap_or(0)
    }
}

/// A colour from flamegraph.pl's "hot" palette, chosen by a hash of the name (the
/// same function has the same colour in every graph).
fn color(name: &str) -> String {
    // FNV-1a, then three bytes of it.
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    let v1 = (h & 0xff) as f64 / 255.0;
    let v2 = ((h >> 8) & 0xff) as f64 / 255.0;
    let v3 = ((h >> 16) & 0xff) as f64 / 255.0;
    let r = 205.0 + 50.0 * v3;
    let g = 230.0 * v1;
    let b = 55.0 * v2;
    format!("rgb({},{},{})", r as u32, g as u32, b as u32)
}

/// The SVG of `stacks` (frames outermost first, with their own weights); `title`
/// heads it, `unit` names what the weights count.
pub fn svg(stacks: &[(Vec<String>, u64)], title: &str, unit: &str) -> String {
    let mut root = Tree::default();
    for (labels, w) in stacks {
        root.add(labels, *w);
    }
    let depth = root.depth() + 1;
    let height = PAD_TOP + depth as f64 * FRAME_H + PAD_BOTTOM;
    let mut out = String::new();
    out.push_str(&format!(
        "<?xml version=\"1.0\" standalone=\"no\"?>\n\
         <svg version=\"1.1\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" \
         xmlns=\"http://www.w3.org/2000/svg\">\n\
         <style>text {{ font-family: Verdana, sans-serif; font-size: 12px; fill: rgb(0,0,0); }} \
         rect:hover {{ stroke: black; stroke-width: 0.5; }}</style>\n\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{height}\" fill=\"rgb(248,248,248)\"/>\n\
         <text x=\"{}\" y=\"24\" text-anchor=\"middle\" style=\"font-size: 17px\">{}</text>\n",
        WIDTH / 2.0,
        xml_escape(title)
    ));
    if root.total == 0 {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">(no instructions counted)</text>\n",
            WIDTH / 2.0,
            PAD_TOP + FRAME_H
        ));
        out.push_str("</svg>\n");
        return out;
    }
    let scale = (WIDTH - 2.0 * PAD_SIDE) / root.total as f64;
    let total = root.total;
    let frame = |out: &mut String, label: &str, x: f64, level: usize, w: u64| {
        let width = w as f64 * scale;
        let y = height - PAD_BOTTOM - (level + 1) as f64 * FRAME_H;
        let pct = 100.0 * w as f64 / total as f64;
        let fill = if level == 0 {
            "rgb(200,200,200)".to_string()
        } else {
            color(label)
        };
        out.push_str(&format!(
            "<g><title>{} ({w} {unit}, {pct:.2}%)</title>\
             <rect x=\"{x:.2}\" y=\"{y:.1}\" width=\"{width:.2}\" height=\"{:.1}\" fill=\"{fill}\" rx=\"2\" ry=\"2\"/>",
            xml_escape(label),
            FRAME_H - 1.0
        ));
        let fits = ((width - 6.0) / CHAR_W).floor();
        if fits >= 3.0 {
            let n = fits as usize;
            let chars: Vec<char> = label.chars().collect();
            let text: String = if chars.len() <= n {
                label.to_string()
            } else {
                chars[..n - 2].iter().collect::<String>() + ".."
            };
            out.push_str(&format!(
                "<text x=\"{:.2}\" y=\"{:.1}\">{}</text>",
                x + 3.0,
                y + FRAME_H - 4.5,
                xml_escape(&text)
            ));
        }
        out.push_str("</g>\n");
    };
    frame(&mut out, "all", PAD_SIDE, 0, total);
    // Depth first; children left to right in name order.
    let mut todo: Vec<(&String, &Tree, f64, usize)> = vec![];
    let mut x = PAD_SIDE;
    for (name, t) in &root.children {
        todo.push((name, t, x, 1));
        x += t.total as f64 * scale;
    }
    todo.reverse();
    while let Some((name, t, x0, level)) = todo.pop() {
        if (t.total as f64 * scale) < MIN_WIDTH {
            continue;
        }
        frame(&mut out, name, x0, level, t.total);
        let mut x = x0;
        let mut kids = vec![];
        for (n, c) in &t.children {
            kids.push((n, c, x, level + 1));
            x += c.total as f64 * scale;
        }
        kids.reverse();
        todo.extend(kids);
    }
    out.push_str("</svg>\n");
    out
}
