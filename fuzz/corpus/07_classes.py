class Animal:
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return "..."
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    def speak(self):
        return "woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"

zoo = [Animal("x"), Dog("rex"), Puppy("bit")]
print([a.speak() for a in zoo], zoo, Animal.count, Puppy.__mro__)
print(isinstance(zoo[2], Animal), issubclass(Dog, Puppy), hasattr(zoo[0], "name"))
setattr(zoo[0], "age", 3); print(getattr(zoo[0], "age"), vars(zoo[0]))
