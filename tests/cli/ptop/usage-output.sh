ptop -o xml
