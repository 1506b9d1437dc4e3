# Pins: SyntaxError "cannot assign to lambda" when a lambda body looks like an assignment, with the caret under the lambda.
handler = lambda x: y = x + 1
