def parse(text):
    try:
        value = int(text)
    except (ValueError, TypeError) as e:
        print("bad:", e)
        value = None
    else:
        print("ok")
    finally:
        print("done")
    return value


parse("12")
