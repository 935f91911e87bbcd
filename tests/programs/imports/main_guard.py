# if __name__ == "__main__": in the main script vs imported modules.
import mod_helpers

def main():
    print("main() running; module __name__ =", __name__)
    print("helper module __name__ =", mod_helpers.__name__)
    return 0

if __name__ == "__main__":
    print("guard entered")
    main()
else:
    print("imported, not run")
