class A:
    def __init__(self, x):
        self.__x = x

    def get(self):
        return self.__x


__g = "module global"
a = A(5)
print(a.get())
