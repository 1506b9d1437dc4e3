# Pins: SyntaxError for using a keyword as an identifier, with a suggestion-free message.
class = 5
