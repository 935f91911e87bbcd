# A text editor buffer with the command pattern: insert, delete, replace, undo and redo stacks.
class Command:
    def do(self, buf):
        raise NotImplementedError

    def undo(self, buf):
        raise NotImplementedError

class Insert(Command):
    def __init__(self, pos, text):
        self.pos, self.text = pos, text

    def do(self, buf):
        buf.text = buf.text[:self.pos] + self.text + buf.text[self.pos:]

    def undo(self, buf):
        buf.text = buf.text[:self.pos] + buf.text[self.pos + len(self.text):]

    def __repr__(self):
        return f"Insert({self.pos}, {self.text!r})"

class Delete(Command):
    def __init__(self, pos, length):
        self.pos, self.length = pos, length
        self.removed = None

    def do(self, buf):
        if self.pos + self.length > len(buf.text):
            raise IndexError(f"cannot delete {self.length} chars at {self.pos}")
        self.removed = buf.text[self.pos:self.pos + self.length]
        buf.text = buf.text[:self.pos] + buf.text[self.pos + self.length:]

    def undo(self, buf):
        buf.text = buf.text[:self.pos] + self.removed + buf.text[self.pos:]

    def __repr__(self):
        return f"Delete({self.pos}, {self.length})"

class ReplaceAll(Command):
    def __init__(self, old, new):
        self.old, self.new = old, new
        self.before = None

    def do(self, buf):
        self.before = buf.text
        buf.text = buf.text.replace(self.old, self.new)

    def undo(self, buf):
        buf.text = self.before

    def __repr__(self):
        return f"ReplaceAll({self.old!r}, {self.new!r})"

class Buffer:
    def __init__(self):
        self.text = ""
        self.undo_stack = []
        self.redo_stack = []

    def execute(self, cmd):
        cmd.do(self)
        self.undo_stack.append(cmd)
        self.redo_stack.clear()

    def undo(self):
        if not self.undo_stack:
            return "nothing to undo"
        cmd = self.undo_stack.pop()
        cmd.undo(self)
        self.redo_stack.append(cmd)
        return f"undid {cmd}"

    def redo(self):
        if not self.redo_stack:
            return "nothing to redo"
        cmd = self.redo_stack.pop()
        cmd.do(self)
        self.undo_stack.append(cmd)
        return f"redid {cmd}"

buf = Buffer()
script = [Insert(0, "Hello world"), Insert(5, ","), Insert(len("Hello, world"), "!"), "undo", "undo",
          "redo", Delete(0, 7), Insert(0, "Goodbye, "), ReplaceAll("o", "0"), "undo", "undo", "redo",
          "redo", "redo", Delete(50, 2), "undo", "undo", "undo", "undo", "undo", "undo", "undo"]
for step in script:
    try:
        if step == "undo":
            msg = buf.undo()
        elif step == "redo":
            msg = buf.redo()
        else:
            buf.execute(step)
            msg = f"did {step}"
    except IndexError as e:
        msg = f"error: {e}"
    print(f"{msg:32} | {buf.text!r:24} | undo={len(buf.undo_stack)} redo={len(buf.redo_stack)}")
try:
    Command().do(buf)
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
