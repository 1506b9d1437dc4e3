# Pins: xml.etree.ElementTree: parsing, find/findall/iter with paths, attributes, building trees, tostring/indent serialization, namespaces and ParseError.
import xml.etree.ElementTree as ET
doc = """<library xmlns:x="urn:x"><book id="1" lang="en"><title>Dune</title><year>1965</year></book>
<book id="2"><title>Solaris</title><year>1961</year><x:note>classic</x:note></book><magazine id="3"/></library>"""
root = ET.fromstring(doc)
print(root.tag, len(root), [c.tag for c in root], root[0].attrib, root[0].get("lang"), root[1].get("lang", "?"))
print([b.find("title").text for b in root.findall("book")], root.findtext("book/year"), [e.text for e in root.iter("year")])
print([b.get("id") for b in root.findall(".//book[@lang='en']")], root.find("magazine").attrib, root.find("nothing"))
print(root.find("book/{urn:x}note").tag, root[1].find("{urn:x}note").text, [e.tag for e in root.iter() if e.tag.startswith("{")])
new = ET.Element("catalog", {"version": "2"})
item = ET.SubElement(new, "item", name="pen")
item.text = "blue & <fine>"
ET.SubElement(new, "item", name="ink").tail = "\n"
ET.SubElement(new, "empty")
print(ET.tostring(new, encoding="unicode"))
ET.indent(new)
print(ET.tostring(new, encoding="unicode"))
print(ET.tostring(ET.Element("a", b="1"), short_empty_elements=False), ET.tostring(ET.Element("t")))
root[0].set("lang", "fr")
root.remove(root.find("magazine"))
print([(b.get("id"), b.get("lang")) for b in root], len(root))
for bad in ["<a><b></a>", "<a>", "not xml", "<a x='1' x='2'/>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print("ParseError:", e, e.position)
tree = ET.ElementTree(ET.fromstring("<r><c>1</c><c>2</c></r>"))
print(sum(int(c.text) for c in tree.getroot()), [e.tag for e in tree.iter()], ET.iselement(tree.getroot()))
print(list(ET.fromstring("<p>Hello <b>bold</b> tail text</p>").itertext()))
from xml.dom import minidom
print(minidom.parseString("<a><b c='d'/></a>").toprettyxml(indent="  "))
