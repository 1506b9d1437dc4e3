# Pins: basic classes: __init__, instance and class attributes, methods, __str__/__repr__, simple inheritance with super() and isinstance.
class Animal:
    kingdom = "animalia"
    def __init__(self, name, sound):
        self.name = name
        self.sound = sound
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __str__(self):
        return f"Animal({self.name})"
    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"
class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []
    def learn(self, trick):
        self.tricks.append(trick)
        return self
a = Animal("cat", "meow")
d = Dog("rex").learn("sit").learn("roll")
print(a.speak(), d.speak(), d.tricks)
print(str(a), repr(d), [a, d], Dog.kingdom, d.kingdom)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__)
class Counter:
    def __init__(self):
        self.count = 0
    def increment(self, by=1):
        self.count += by
        return self.count
c = Counter()
c.increment(); c.increment(5)
print(c.count)
