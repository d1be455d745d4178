printf '# ptop counts 1\tby=port\tstates=open\nhosts\tx\n' >bad.counts
ptop --merge bad.counts
