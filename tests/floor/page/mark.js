// The moment the line above is in the page, as Naast marks its first screen.
performance.mark("first-screen");
