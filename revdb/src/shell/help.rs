//! What the command table says, shown: `help`, `help CMD`, and the reference
//! `docs/revdb-commands.md`; and the session commands `help` and `quit`.

use super::commands::{find, Command, Completion, Kind, COMMANDS, INFO_TOPICS};
use super::{Call, Shell};

impl Command {
    /// The names `help` lists: gdb's `reverse-*` names are left out.
    fn listed_names(&self) -> String {
        let names: Vec<&str> = self
            .names
            .iter()
            .filter(|n| !n.starts_with("reverse-"))
            .copied()
            .collect();
        names.join(", ")
    }

    /// `help CMD`: names, synopsis, summary, then the details (and for `info`,
    /// its topics), indented.
    pub fn describe(&self) -> String {
        let head = format!("{} {}", self.names.join(", "), self.synopsis);
        let mut out = format!("{}\n    {}\n", head.trim_end(), self.summary);
        for para in self.details.split("\n\n").filter(|p| !p.is_empty()) {
            for line in wrap(para, 76) {
                out.push_str(&format!("    {line}\n"));
            }
        }
        if self.completion == Completion::InfoTopic {
            out.push_str("    TOPIC is one of:\n");
            for (t, d) in INFO_TOPICS {
                out.push_str(&format!("      {t:<12} {d}\n"));
            }
        }
        out
    }
}

/// `help`: one line a command.
pub fn overview() -> String {
    let mut out = String::from("Commands (forward / backward; gdb's reverse-* names work too):\n");
    for c in COMMANDS {
        let head = format!("{} {}", c.listed_names(), c.synopsis);
        if head.len() > 44 {
            // A long synopsis gets a line of its own.
            out.push_str(&format!("  {head}\n  {:<44} {}\n", "", c.summary));
        } else {
            out.push_str(&format!("  {head:<44} {}\n", c.summary));
        }
    }
    out.push_str("An empty line repeats the last motion. Times are stop point numbers (the prompt shows the current one).\n");
    out
}

pub(super) fn help(sh: &mut Shell, call: &Call) {
    let text = match call.arg {
        "" => overview(),
        name => match find(name) {
            Some(c) => c.describe(),
            None => {
                sh.err(&format!("No help for '{name}' (type 'help' for a list)"));
                return;
            }
        },
    };
    sh.print_text(&text);
}

pub(super) fn quit(sh: &mut Shell, _: &Call) {
    sh.quitting = true;
}

/// Greedy word wrap at `width` columns.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![];
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The command reference, `docs/revdb-commands.md`.
pub fn reference() -> String {
    let mut out = String::from(
        "# revdb commands\n\n\
         <!-- Generated from the command table, revdb/src/shell/commands.rs: do not edit.\n     \
         After changing the table: REVPY_BLESS=1 cargo test --test revdb -- command_reference -->\n\n\
         `revpy debug LOG` opens a shell whose prompt, `(T)$ `, shows the time: the\n\
         number of the current stop point (a line starting, a loop going round, a\n\
         function returning), the same in every session over the same log. Every\n\
         forward motion has a backward twin, and gdb's `reverse-*` names work too.\n\
         An empty line repeats the last motion. Tab completes command names and, after\n\
         them, what the command takes. `help` lists the commands and `help CMD`\n\
         describes one, from the same table as this page.\n",
    );
    for kind in Kind::ALL {
        out.push_str(&format!("\n## {}\n\n", kind.title()));
        out.push_str("| command | aliases | what it does |\n|---|---|---|\n");
        for c in COMMANDS.iter().filter(|c| c.kind == kind) {
            let usage = format!("{} {}", c.name(), c.synopsis);
            let aliases: Vec<String> = c.names[1..].iter().map(|a| format!("`{a}`")).collect();
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                usage.trim_end().replace('|', "\\|"),
                aliases.join(", "),
                c.summary
            ));
        }
        for c in COMMANDS.iter().filter(|c| c.kind == kind) {
            let usage = format!("{} {}", c.name(), c.synopsis);
            out.push_str(&format!("\n### `{}`\n\n{}\n", usage.trim_end(), c.summary));
            if !c.details.is_empty() {
                for para in c.details.split("\n\n") {
                    out.push('\n');
                    for line in wrap(para, 80) {
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
            }
            if c.completion == Completion::InfoTopic {
                out.push_str("\n| TOPIC | shows |\n|---|---|\n");
                for (t, d) in INFO_TOPICS {
                    out.push_str(&format!("| `{t}` | {d} |\n"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_one_command() {
        let mut seen = std::collections::BTreeSet::new();
        for c in COMMANDS {
            for n in c.names {
                assert!(seen.insert(*n), "'{n}' names two commands");
                assert!(!n.contains(char::is_whitespace), "'{n}'");
            }
        }
    }

    /// A backward motion's help says "Back", a forward one's "Forward", under
    /// each of its names (`help reverse-step` once described `step`).
    #[test]
    fn motions_say_their_direction() {
        for c in COMMANDS.iter().filter(|c| c.kind == Kind::Motion) {
            let want = match c.name() {
                "go" => "Jump",
                "last" => "Back (-f: forward)",
                "restart" => "Back",
                n if n.starts_with('b') => "Back",
                _ => "Forward",
            };
            assert!(c.summary.starts_with(want), "{}: {}", c.name(), c.summary);
            for n in c.names {
                assert!(std::ptr::eq(find(n).unwrap(), c), "{n}");
                assert!(describe_of(n).contains(c.summary), "{n}");
                if n.starts_with("reverse-") {
                    assert_eq!(want, "Back", "{n} is not a backward command");
                }
            }
        }
        assert!(describe_of("reverse-step")
            .starts_with("bstep, bs, reverse-step [COUNT]\n    Back one stop point"));
    }

    fn describe_of(name: &str) -> String {
        find(name).unwrap().describe()
    }

    #[test]
    fn motions_have_backward_twins() {
        for c in COMMANDS
            .iter()
            .filter(|c| c.kind == Kind::Motion && !c.name().starts_with('b'))
        {
            if matches!(c.name(), "go" | "last" | "restart" | "thread") {
                continue;
            }
            // RevPDB's names: nthread's twin is bthread.
            if c.name() == "nthread" {
                assert!(find("bthread").is_some());
                continue;
            }
            let twin = find(&format!("b{}", c.name())).expect("a backward twin");
            assert!(
                twin.names
                    .contains(&format!("reverse-{}", c.name()).as_str()),
                "{}",
                twin.name()
            );
        }
    }

    #[test]
    fn wrap_keeps_every_word() {
        let text = "a bb ccc dddd eeeee ffffff";
        let lines = wrap(text, 8);
        assert!(lines.iter().all(|l| l.len() <= 8), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }
}
