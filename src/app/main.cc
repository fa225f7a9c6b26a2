#include "app/app.h"

int main(int argc, char** argv) { return riskgate::app::Main(argc, argv); }
