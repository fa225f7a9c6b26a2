#include "app/app.h"
#include "app/huge_heap.h"

int main(int argc, char** argv) {
  riskgate::app::BackHeapWithHugePages();
  return riskgate::app::Main(argc, argv);
}
