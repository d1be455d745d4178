# lab: ip netns add pk-netstat; lo up with fd77:aaaa:bbbb:cccc:dddd:eeee:ffff:1/128; socat TCP6-LISTEN:8443 and TCP6-LISTEN:22 bound to it
# standard output saved as testdata/netstat-long.txt
ip netns exec pk-netstat netstat -tlnp
