# Content that is no supported format is an error naming the file.
printf 'hello world\n' > notes.txt
pcat notes.txt
