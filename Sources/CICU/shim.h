// The system ICU (Debian's libicu-dev). Only the C target CVNICU includes this;
// no Swift module imports it, so ICU's types never meet Foundation's bundled ICU.
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/uversion.h>
