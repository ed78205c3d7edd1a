"""mepkit's termineter test: drives the C12.18 client of Debian's termineter package (its c1218
library) against the meter on the port given, and prints what it got, one line per result:

  login <True|False>
  table <id> <hex>          a full read
  partial <id> <offset> <hex>
  refused <id> <code>       a read the meter refused (C1218ReadTableError)

Usage: termineter_client.py PORT TABLES [PARTIAL]   with the key in the environment as OPTICAL_KEY_HEX
(40 hex digits, or empty for no security service); TABLES like 1,23,28; PARTIAL like 28:32:8.
"""
import binascii
import os
import sys

import serial
from c1218.connection import Connection
from c1218.errors import C1218ReadTableError

SERIAL_SETTINGS = {'parity': serial.PARITY_NONE, 'baudrate': 9600, 'bytesize': serial.EIGHTBITS,
                   'xonxoff': False, 'interCharTimeout': None, 'rtscts': False, 'timeout': 1,
                   'stopbits': serial.STOPBITS_ONE, 'dsrdtr': False, 'writeTimeout': None}


def main():
    port, tables = sys.argv[1], [int(t) for t in sys.argv[2].split(',') if t]
    partial = [int(x) for x in sys.argv[3].split(':')] if len(sys.argv) > 3 else None
    key = os.environ.get('OPTICAL_KEY_HEX', '')
    password = binascii.unhexlify(key) if key else None
    conn = Connection(port, c1218_settings={'pktsize': 64, 'nbrpkts': 2},
                      serial_settings=SERIAL_SETTINGS, enable_cache=False)
    try:
        if not conn.start():
            print('start failed')
            return 1
        logged_in = conn.login('0000', 0, password)
        print('login', logged_in)
        for table in tables:
            try:
                print('table', table, binascii.hexlify(conn.get_table_data(table)).decode())
            except C1218ReadTableError as e:
                print('refused', table, e.code)
        if partial:
            table, offset, count = partial
            data = conn.get_table_data(table, octetcount=count, offset=offset)
            print('partial', table, offset, binascii.hexlify(data).decode())
    finally:
        conn.close()
    sys.stdout.flush()
    return 0


if __name__ == '__main__':
    sys.exit(main())
