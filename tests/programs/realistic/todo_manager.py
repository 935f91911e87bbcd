# A to-do manager driven by text commands parsed with match, with priorities, tags and due days.
class Task:
    _ids = 0

    def __init__(self, title, priority=2, due=None, tags=()):
        Task._ids += 1
        self.id = Task._ids
        self.title = title
        self.priority = priority
        self.due = due
        self.tags = sorted(set(tags))
        self.done = False

    def __str__(self):
        mark = "x" if self.done else " "
        due = f" (due day {self.due})" if self.due is not None else ""
        tags = " " + " ".join("#" + t for t in self.tags) if self.tags else ""
        return f"[{mark}] {self.id:2} P{self.priority} {self.title}{due}{tags}"

class TodoList:
    def __init__(self):
        self.tasks = {}
        self.today = 0

    def run(self, line):
        words = line.split()
        match words:
            case ["add", *rest] if rest:
                title_words, tags, priority, due = [], [], 2, None
                for w in rest:
                    match w:
                        case str() if w.startswith("#"):
                            tags.append(w[1:])
                        case str() if w.startswith("!") and w[1:].isdigit():
                            priority = int(w[1:])
                        case str() if w.startswith("@") and w[1:].isdigit():
                            due = int(w[1:])
                        case _:
                            title_words.append(w)
                t = Task(" ".join(title_words), priority, due, tags)
                self.tasks[t.id] = t
                return f"added {t.id}"
            case ["done", num] if num.isdigit():
                task = self.tasks.get(int(num))
                if task is None:
                    return f"no task {num}"
                task.done = True
                return f"completed {task.title!r}"
            case ["remove" | "rm", num]:
                removed = self.tasks.pop(int(num), None)
                return f"removed {removed.title!r}" if removed else f"no task {num}"
            case ["list"]:
                return self.render(self.tasks.values())
            case ["list", "#"]:
                return "bad tag"
            case ["list", tag] if tag.startswith("#"):
                return self.render(t for t in self.tasks.values() if tag[1:] in t.tags)
            case ["overdue"]:
                return self.render(t for t in self.tasks.values() if t.due is not None and t.due < self.today and not t.done)
            case ["advance", days]:
                self.today += int(days)
                return f"today is day {self.today}"
            case ["stats"]:
                done = sum(t.done for t in self.tasks.values())
                return f"{done}/{len(self.tasks)} done, by priority " + str(
                    {p: sum(1 for t in self.tasks.values() if t.priority == p) for p in sorted({t.priority for t in self.tasks.values()})})
            case []:
                return "empty command"
            case [cmd, *_]:
                return f"unknown command {cmd!r}"

    def render(self, tasks):
        ordered = sorted(tasks, key=lambda t: (t.done, t.priority, t.due if t.due is not None else 10**9, t.id))
        return "\n".join(map(str, ordered)) or "(nothing)"

todo = TodoList()
commands = ["add write tests !1 @3 #revpy #testing", "add buy milk #home", "add refactor parser !1 #revpy",
            "add call mum @1 !3 #home", "add read paper @10", "list", "done 2", "done 9", "list #home",
            "advance 4", "overdue", "rm 5", "remove 42", "stats", "frobnicate now", "", "add", "list"]
for c in commands:
    print(f"> {c}")
    print(todo.run(c))
