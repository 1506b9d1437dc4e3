print("init sub", __name__, __package__)

def helper():
    return "helper from " + __name__

if __name__ == "__main__":
    print("never printed on import")
