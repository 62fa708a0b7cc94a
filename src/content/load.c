#include "samtale/content.h"
