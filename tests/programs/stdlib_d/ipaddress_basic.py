import ipaddress

a = ipaddress.ip_address("192.168.1.10")
print(a, repr(a), a.version, a.is_private, a.is_loopback, int(a), a + 5, a.reverse_pointer)
n = ipaddress.ip_network("192.168.0.0/22")
print(n, n.num_addresses, n.netmask, n.hostmask, n.broadcast_address, a in n, n.prefixlen)
print(list(n.subnets(new_prefix=24)), n.supernet(), list(ipaddress.ip_network("10.0.0.0/30").hosts()))
i = ipaddress.ip_interface("10.1.2.3/24")
print(i, i.network, i.ip, i.with_netmask, i.with_hostmask)
v6 = ipaddress.ip_address("2001:db8::1")
print(v6, v6.exploded, v6.compressed, v6.version, v6.is_global, ipaddress.ip_address("::ffff:1.2.3.4").ipv4_mapped)
print(ipaddress.ip_network("2001:db8::/126").num_addresses, sorted([ipaddress.ip_address("10.0.0.2"), ipaddress.ip_address("10.0.0.1")]))
print(list(ipaddress.summarize_address_range(ipaddress.IPv4Address("10.0.0.0"), ipaddress.IPv4Address("10.0.0.10"))))
print(list(ipaddress.collapse_addresses([ipaddress.ip_network("10.0.0.0/25"), ipaddress.ip_network("10.0.0.128/25")])))
for bad in ["300.1.1.1", "1.2.3", "::g", "192.168.0.1/33"]:
    try:
        ipaddress.ip_network(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    ipaddress.ip_network("192.168.0.1/24")
except ValueError as e:
    print("ValueError:", e)
print(ipaddress.ip_network("192.168.0.1/24", strict=False), ipaddress.IPv4Address(3232235777))
