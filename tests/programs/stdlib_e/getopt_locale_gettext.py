# getopt (short/long options, GNU order, errors), locale (revpy's C locale: the
# number formatting functions and their C-locale results) and gettext without
# catalogs (NullTranslations, fallbacks, plural-forms expressions).
import getopt
import gettext
import locale

print(getopt.getopt(["-a", "-b", "val", "--long=x", "--flag", "rest", "-c"], "ab:c", ["long=", "flag"]))
print(getopt.getopt(["-bval", "--lo", "y", "--", "-a"], "ab:", ["long="]))
print(getopt.gnu_getopt(["x", "-a", "--flag", "y", "-b", "2"], "ab:", ["flag"]))
for args, short, long in [(["-z"], "a", []), (["-b"], "b:", []), (["--nope"], "", ["yes"]),
                          (["--lo"], "", ["long", "lot"]), (["--flag=1"], "", ["flag"])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print("GetoptError:", e, repr(e.opt), e.msg)
print(getopt.error is getopt.GetoptError)

print(locale.setlocale(locale.LC_ALL, "C"), locale.setlocale(locale.LC_NUMERIC), locale.getlocale())
for bad in ["xx_YY.UTF-8", "de_DE"]:
    try:
        locale.setlocale(locale.LC_ALL, bad)
    except locale.Error as e:
        print("locale.Error:", e)
conv = locale.localeconv()
print(sorted(conv.items()))
print(locale.format_string("%d|%.2f|%s", (1234567, 3.14159, "x"), grouping=True))
print(locale.format_string("%(n)d", {"n": 5}), locale.str(2.5), locale.str(1e20))
print(locale.atof("3.5"), locale.atoi("-42"), locale.delocalize("1,234.5"), locale.localize("1234.5"))
try:
    locale.currency(1.5)
except ValueError as e:
    print("ValueError:", e)
print(locale.strcoll("a", "b"), locale.strcoll("b", "a"), locale.strxfrm("abc"))
print(locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_ALL, locale.CHAR_MAX, locale.Error is ValueError)

print(gettext.gettext("hello"), gettext.ngettext("one", "many", 1), gettext.ngettext("one", "many", 2))
print(gettext.dgettext("dom", "m"), gettext.dngettext("dom", "s", "p", 3), gettext.pgettext("ctx", "m"),
      gettext.npgettext("ctx", "s", "p", 1))
t = gettext.NullTranslations()
print(t.gettext("x"), t.ngettext("a", "b", 3), t.info(), t.charset(), t.pgettext("c", "m"))
t2 = gettext.translation("nodomain", localedir="/nonexistent", fallback=True)
print(type(t2).__name__)
try:
    gettext.translation("nodomain", localedir="/nonexistent", languages=["de"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror)
print(gettext.find("nodomain", "/nonexistent", ["de"]), gettext.bindtextdomain("dom", "/x"), gettext.textdomain())
ns = {}
t.install(names=["ngettext"])
import builtins
print(builtins._("installed"), builtins.ngettext("s", "p", 2))
del builtins._, builtins.ngettext
rules = ["n != 1", "n>1", "n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2",
         "n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4", "(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3)",
         "!(n-1)", "0"]
for r in rules:
    f = gettext.c2py(r)
    print(r, [f(n) for n in (0, 1, 2, 3, 5, 11, 21, 22, 101, 111)])
for bad in ["n ++ 1", "x", "n ? 1", "(n"]:
    try:
        gettext.c2py(bad)
    except ValueError as e:
        print("ValueError:", e)
