"""What people read: the guidance library (guidance), the services directory (directory), mutual-aid
meetings (meetings) and "was this helpful?" (feedback). The files live in content/ at the top."""
