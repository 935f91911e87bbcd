//! The dashboard: `revpy debug --tui` (and `layout` in the shell). Panes for the
//! source with the current line, the locals, the stack, the bytecode with the
//! operand stack, the program's output, and the command line with what the
//! commands print; all updated at every stop. Keys as VS Code has them (F10
//! next, F11 step, Shift+F11 finish, F5 continue), and with Ctrl their reverse
//! twins (bnext, bstep, bfinish, bcontinue). Any shell command can be typed.
//!
//! It drives a `Shell` made by `Shell::in_memory`: every pane is the text of a
//! shell command (`locals`, `bt`, `dis`, `info stack`) run after each command,
//! so the dashboard shows exactly what the shell would.

use crate::engine::Engine;
use crate::shell::Shell;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::ExecutableCommand;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::{Frame, Terminal};

/// What the dashboard shows, refreshed after each command.
struct App<'s> {
    sh: &'s mut Shell,
    input: String,
    /// What commands printed (the program's output goes to `output`).
    log: Vec<String>,
    output: Vec<String>,
    locals: String,
    stack: String,
    dis: String,
    opstack: String,
    quit: bool,
}

impl App<'_> {
    /// Run a command line; its output goes to the log (program output to its pane).
    fn run(&mut self, line: &str) {
        let prompt = self.sh.prompt();
        self.log.push(format!("{prompt}{line}"));
        let (text, go_on) = self.sh.command(line);
        self.take(&text);
        if !go_on {
            self.quit = true;
        }
        self.refresh();
    }

    fn take(&mut self, text: &str) {
        for l in text.lines() {
            // The program's output has its own pane (`refresh`).
            if l != "|" && !l.starts_with("| ") {
                self.log.push(l.to_string());
            }
        }
        let keep = 2000;
        if self.log.len() > keep {
            self.log.drain(..self.log.len() - keep);
        }
    }

    /// The panes' text at the current position.
    fn refresh(&mut self) {
        let mut pane = |cmd: &str| self.sh.command(cmd).0;
        self.locals = pane("locals");
        self.stack = pane("bt");
        self.dis = pane("dis");
        self.opstack = pane("info stack");
        // What the program had printed by now (going back takes it back).
        let e = &self.sh.engine;
        let text = e.output_until(e.cur.pos.time);
        let keep = 2000;
        let lines: Vec<&str> = text.lines().collect();
        let from = lines.len().saturating_sub(keep);
        self.output = lines[from..].iter().map(|l| l.to_string()).collect();
    }

    fn source_lines(&mut self) -> (String, Vec<Line<'static>>, usize) {
        let e: &mut Engine = &mut self.sh.engine;
        let Some(i) = e.frame_index() else {
            return (
                "Source (the program has finished)".into(),
                text_lines(&e.end.as_ref().map(|x| x.message()).unwrap_or_default()),
                0,
            );
        };
        let vm = &e.cur.vm;
        let f = &vm.frames[i];
        let code = f.code.code.clone();
        let top = i + 1 == vm.frames.len();
        let line = e.frame_line(i);
        let file = code.filename.to_string();
        let marker = match (top, e.cur.kind) {
            (true, revpy_vm::StopKind::Return) => "<<",
            (true, revpy_vm::StopKind::ExceptionExit) => "!!",
            _ => "> ",
        };
        let lines = e.source_lines(&file).unwrap_or_default();
        let out = lines
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let n = k as u32 + 1;
                if n == line {
                    Line::from(Span::styled(
                        format!("{marker}{n:>4}  {t}"),
                        Style::default()
                            .fg(Color::Black)
                            .bg(Color::Yellow)
                            .add_modifier(Modifier::BOLD),
                    ))
                } else {
                    Line::from(format!("  {n:>4}  {t}"))
                }
            })
            .collect();
        let title = format!(
            "Source: {file}:{line} in {} — time {}",
            code.name,
            e.time_text()
        );
        (title, out, line.saturating_sub(1) as usize)
    }
}

/// Keys to commands: VS Code's, and Ctrl for the reverse twin.
fn key_command(code: KeyCode, m: KeyModifiers) -> Option<&'static str> {
    let ctrl = m.contains(KeyModifiers::CONTROL);
    let shift = m.contains(KeyModifiers::SHIFT);
    Some(match (code, ctrl, shift) {
        (KeyCode::F(10), false, _) => "next",
        (KeyCode::F(10), true, _) => "bnext",
        (KeyCode::F(11), false, false) => "step",
        (KeyCode::F(11), true, false) => "bstep",
        (KeyCode::F(11), false, true) => "finish",
        (KeyCode::F(11), true, true) => "bfinish",
        (KeyCode::F(5), false, _) => "continue",
        (KeyCode::F(5), true, _) => "bcontinue",
        _ => return None,
    })
}

fn pane<'a>(title: &str, lines: Vec<Line<'a>>, scroll: usize, area: Rect, f: &mut Frame) {
    let h = area.height.saturating_sub(2) as usize;
    let top = scroll
        .saturating_sub(h / 2)
        .min(lines.len().saturating_sub(h));
    let p = Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(title.to_string()),
        )
        .scroll((top as u16, 0));
    f.render_widget(p, area);
}

fn text_lines(s: &str) -> Vec<Line<'static>> {
    s.lines().map(|l| Line::from(l.to_string())).collect()
}

fn draw(f: &mut Frame, app: &mut App) {
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Percentage(50),
            Constraint::Percentage(25),
            Constraint::Min(6),
        ])
        .split(f.area());
    let top = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(60), Constraint::Percentage(40)])
        .split(rows[0]);
    let right = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
        .split(top[1]);
    let mid = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(60), Constraint::Percentage(40)])
        .split(rows[1]);
    let (title, src, cur) = app.source_lines();
    pane(&title, src, cur, top[0], f);
    pane("Locals", text_lines(&app.locals), 0, right[0], f);
    let stack = text_lines(&app.stack);
    let n = stack.len();
    pane("Stack", stack, n, right[1], f);
    // The bytecode, with the current instruction in the middle, then the
    // operand stack.
    let mut dis: Vec<Line> = app
        .dis
        .lines()
        .map(|l| {
            if l.contains("-->") {
                Line::from(Span::styled(
                    l.to_string(),
                    Style::default().add_modifier(Modifier::REVERSED),
                ))
            } else {
                Line::from(l.to_string())
            }
        })
        .collect();
    let at = dis
        .iter()
        .position(|l| l.to_string().contains("-->"))
        .unwrap_or(0);
    dis.push(Line::from(""));
    dis.push(Line::from("operand stack:"));
    dis.extend(text_lines(&app.opstack));
    pane("Bytecode", dis, at, mid[0], f);
    let out = text_lines(&app.output.join("\n"));
    let n = out.len();
    pane("Program output", out, n, mid[1], f);
    let bottom = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(3), Constraint::Length(3)])
        .split(rows[2]);
    let log = text_lines(&app.log.join("\n"));
    let n = log.len();
    pane(
        "Commands — F10 next, F11 step, Shift+F11 finish, F5 continue; Ctrl+ the same backward; Ctrl-D quits",
        log,
        n,
        bottom[0],
        f,
    );
    let prompt = app.sh.prompt();
    let input = Paragraph::new(format!("{prompt}{}", app.input))
        .block(Block::default().borders(Borders::ALL));
    f.render_widget(input, bottom[1]);
    let x = bottom[1].x + 1 + (prompt.chars().count() + app.input.chars().count()) as u16;
    f.set_cursor_position((x.min(bottom[1].right().saturating_sub(2)), bottom[1].y + 1));
}

/// Run the dashboard until `quit` or Ctrl-D; `-x` commands first.
// The debugger's terminal and command file are the user's (clippy.toml).
#[allow(clippy::disallowed_methods)]
pub fn run(engine: Engine, command_file: Option<&str>) -> u8 {
    let mut sh = Shell::in_memory(engine);
    let mut app = App {
        sh: &mut sh,
        input: String::new(),
        log: vec![],
        output: vec![],
        locals: String::new(),
        stack: String::new(),
        dis: String::new(),
        opstack: String::new(),
        quit: false,
    };
    app.sh.banner();
    let (text, _) = app.sh.command("");
    app.take(&text);
    if let Some(path) = command_file {
        match std::fs::read_to_string(path) {
            Ok(t) => {
                for l in t.lines() {
                    app.run(l);
                }
            }
            Err(e) => {
                eprintln!("revpy debug: cannot read the command file '{path}': {e}");
                return 2;
            }
        }
    }
    app.refresh();
    if app.quit {
        return 0;
    }
    match run_terminal(&mut app) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("revpy debug: the terminal failed: {e}");
            2
        }
    }
}

/// The dashboard over a shell whose output goes to memory (`layout`); Ctrl-D
/// comes back.
pub fn run_shell(sh: &mut Shell) -> std::io::Result<()> {
    let mut app = App {
        sh,
        input: String::new(),
        log: vec![],
        output: vec![],
        locals: String::new(),
        stack: String::new(),
        dis: String::new(),
        opstack: String::new(),
        quit: false,
    };
    app.refresh();
    run_terminal(&mut app)
}

fn run_terminal(app: &mut App) -> std::io::Result<()> {
    enable_raw_mode()?;
    let mut stdout = std::io::stdout();
    stdout.execute(EnterAlternateScreen)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout))?;
    let r = event_loop(&mut terminal, app);
    let _ = disable_raw_mode();
    let _ = terminal.backend_mut().execute(LeaveAlternateScreen);
    let _ = terminal.show_cursor();
    r
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<std::io::Stdout>>,
    app: &mut App,
) -> std::io::Result<()> {
    while !app.quit {
        terminal.draw(|f| draw(f, app))?;
        let Event::Key(k) = event::read()? else {
            continue;
        };
        if k.kind != KeyEventKind::Press {
            continue;
        }
        if let Some(cmd) = key_command(k.code, k.modifiers) {
            app.run(cmd);
            continue;
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Char('d') if ctrl => app.quit = true,
            KeyCode::Char('c') if ctrl => app.input.clear(),
            KeyCode::Char(c) => app.input.push(c),
            KeyCode::Backspace => {
                app.input.pop();
            }
            KeyCode::Esc => app.input.clear(),
            KeyCode::Enter => {
                let line = std::mem::take(&mut app.input);
                app.run(&line);
            }
            _ => {}
        }
    }
    Ok(())
}
