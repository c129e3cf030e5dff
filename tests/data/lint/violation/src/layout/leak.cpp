// A layout file including HarfBuzz: only src/font may.
#include <hb.h>
