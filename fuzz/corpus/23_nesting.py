def deep(n):
    if n > 0:
        for i in range(2):
            if i:
                while True:
                    try:
                        with open.__class__ and None or __import__("contextlib").nullcontext(n) as v:
                            if v % 2:
                                return [[[[[(((v,),),)]]]]]
                            else:
                                return {"a": {"b": {"c": [v, (v, [v, {v}])]}}}
                    finally:
                        pass
    return None
print(deep(3), deep(4), deep(0))
x = ((((((((((1 + 2) * 3) - 4) / 5) ** 2) % 7) // 1) + 1) - 1) * 1)
print(x, [[[[[[[[[[]]]]]]]]]], {"k": [{"k": [{"k": []}]}]})
